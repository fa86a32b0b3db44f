import * as z from 'zod/mini';
import { currencyField, decimalField, maybe, webUrlField } from './api-fields';

/** Schema of one item of `GET /portal/refunds`. */
export const portalRefundSchema = z.object({
  id: z.string(),
  /** Shopify's refund session `id`. */
  shopifyId: z.string(),
  /** Shopify's `payment_id` of the refunded payment. */
  paymentShopifyId: maybe(z.string()),
  amount: decimalField,
  currency: currencyField,
  /** Amount in the settlement token (user units). */
  tokenAmount: decimalField,
  /** Token the refund is paid in (absent from older servers: USDC). */
  token: maybe(z.string()),
  /** The payment's locked rate it is paid at, when converted. */
  rate: maybe(decimalField),
  /** `OPEN`, `PAID`, `REJECTING` or `REJECTED` (any case). */
  status: z.string(),
  rejectReason: maybe(z.string()),
  signature: maybe(z.string()),
  explorerUrl: maybe(webUrlField),
  recipientWallet: maybe(z.string()),
  /** The wallet that paid the refund, once paid. */
  payerWallet: maybe(z.string()),
  /** A test-mode refund (test cluster, no real funds). */
  test: maybe(z.boolean()),
  createdAt: maybe(z.string()),
  paidAt: maybe(z.string()),
});

/** One refund as listed in the portal. */
export type PortalRefund = z.infer<typeof portalRefundSchema>;

/** Schema of `GET /portal/refunds`. */
export const portalRefundListSchema = z.object({ items: z.array(portalRefundSchema) });

/** Schema of `GET /portal/refunds/{id}`: the list fields plus what paying needs. */
export const portalRefundDetailSchema = z.extend(portalRefundSchema, {
  /** The Solana Pay transaction request (`GET` label/icon, `POST {account}`). */
  transactionRequestUrl: maybe(webUrlField),
  /** `solana:<transactionRequestUrl>` for a phone wallet (QR code). */
  solanaPayUrl: maybe(z.string().check(z.startsWith('solana:'))),
});

/** One refund with what the merchant needs to pay it. */
export type PortalRefundDetail = z.infer<typeof portalRefundDetailSchema>;
