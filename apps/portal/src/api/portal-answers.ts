import * as z from 'zod/mini';
import { maybe, webUrlField } from './api-fields';

/** Schema of `POST /portal/refunds/{id}/reject`. */
export const rejectOutcomeSchema = z.object({
  /**
   * `rejecting`: the refund is being made unpayable on chain; Shopify is told once that is final.
   * `paid-instead`: a payment landed before the refund could be made unpayable.
   */
  outcome: z.enum(['rejected', 'rejecting', 'paid-instead']),
});

/** What rejecting a refund ended in. */
export type RejectOutcome = z.infer<typeof rejectOutcomeSchema>['outcome'];

/** Schema of `PUT /portal/settings/wallet`. */
export const walletSavedSchema = z.object({
  payoutWallet: z.string(),
  /** E.g. "this wallet has no USDC account yet". */
  warning: maybe(z.string()),
});

/** The saved payout wallet and the server's caveat, if any. */
export type WalletSaved = z.infer<typeof walletSavedSchema>;

/** Schema of `PUT /portal/settings/token`. */
export const tokenSavedSchema = z.object({
  settlementToken: z.string(),
  mint: z.string(),
  /** E.g. "this wallet has no EURC account yet". */
  warning: maybe(z.string()),
});

/** The saved settlement token and the server's caveat, if any. */
export type TokenSaved = z.infer<typeof tokenSavedSchema>;

/** Schema of `POST /portal/settings/configure`. */
export const configuredSchema = z.object({
  configured: z.boolean(),
  /** Where the merchant goes back to: Shopify admin payments settings. */
  returnUrl: maybe(webUrlField),
});

/** The activation result. */
export type Configured = z.infer<typeof configuredSchema>;

/** Error bodies of the API: `{ code, message }`. */
export const apiErrorSchema = z.object({ code: z.optional(z.string()), message: z.string() });
