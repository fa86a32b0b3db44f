import * as z from 'zod/mini';
import { currencyField, decimalField, maybe, webUrlField } from './api-fields';

/** Schema of one item of `GET /portal/payments`. */
export const portalPaymentSchema = z.object({
  id: z.string(),
  /** Shopify's payment session `id`. */
  shopifyId: z.string(),
  /** Amount in the shop's currency. */
  amount: decimalField,
  currency: currencyField,
  /** Amount in the settlement token (user units). */
  tokenAmount: decimalField,
  /** Settlement token symbol (absent from older servers: USDC). */
  token: maybe(z.string()),
  /** Locked rate (token per unit of `currency`) when converted. */
  rate: maybe(decimalField),
  /** `OPEN`, `PAID`, `REJECTING`, `REJECTED` or `EXPIRED` (rejected because it expired unpaid; any case). */
  status: z.string(),
  signature: maybe(z.string()),
  explorerUrl: maybe(webUrlField),
  buyerWallet: maybe(z.string()),
  /** A test-mode session (test cluster, no real funds). */
  test: maybe(z.boolean()),
  createdAt: z.string(),
  paidAt: maybe(z.string()),
});

/** One payment as listed in the portal. */
export type PortalPayment = z.infer<typeof portalPaymentSchema>;

/** Schema of `GET /portal/payments`. */
export const portalPaymentPageSchema = z.object({
  items: z.array(portalPaymentSchema),
  /** Cursor of the next (older) page; absent on the last page. */
  nextCursor: maybe(z.string()),
});

/** One page of payments. */
export type PortalPaymentPage = z.infer<typeof portalPaymentPageSchema>;
