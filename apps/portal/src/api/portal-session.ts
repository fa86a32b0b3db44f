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
    /** Settlement mint (USDC of the cluster). */
    mint: maybe(z.string()),
    cluster: maybe(z.string()),
  }),
  /** Sent back as `X-CSRF-Token` on every state-changing call. */
  csrfToken: z.string().check(z.minLength(1)),
  /** Shopify's answer when it refused the activation (`userErrors`). */
  configureError: maybe(z.union([z.string(), z.object({ message: z.string() })])),
});

/** The signed-in merchant and the session's CSRF token. */
export type PortalSession = z.infer<typeof portalSessionSchema>;
