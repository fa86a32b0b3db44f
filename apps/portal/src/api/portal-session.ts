import * as z from 'zod/mini';
import { maybe } from './api-fields';

/** Schema of `GET /portal/session`. */
export const portalSessionSchema = z.object({
  merchant: z.object({
    /** The shop's permanent `*.myshopify.com` domain. */
    shop: z.string(),
    displayName: maybe(z.string()),
    /** Base58 payout wallet, once set. */
    payoutWallet: maybe(z.string()),
    /** True once onboarding finished (`paymentsAppConfigure(ready: true)` queued). */
    configured: z.boolean(),
    /** Settlement mint (of `settlementToken` on the cluster). */
    mint: maybe(z.string()),
    /** Symbol of the token new sessions settle in. */
    settlementToken: maybe(z.string()),
    cluster: maybe(z.string()),
  }),
  /** The settlement tokens this deployment offers. */
  settlementTokens: maybe(
    z.array(
      z.object({
        symbol: z.string(),
        currency: z.string(),
        mint: z.string(),
        decimals: z.number(),
        tokenProgram: z.string(),
      }),
    ),
  ),
  /** Sent back as `X-CSRF-Token` on every state-changing call. */
  csrfToken: z.string().check(z.minLength(1)),
  /** Shopify's answer when it refused the activation (`userErrors`). */
  configureError: maybe(z.union([z.string(), z.object({ message: z.string() })])),
});

/** The signed-in merchant and the session's CSRF token. */
export type PortalSession = z.infer<typeof portalSessionSchema>;
