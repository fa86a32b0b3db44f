import * as z from 'zod/mini';
import { currencyField, decimalField, maybe, webUrlField } from './api-fields';
import { portalRefundSchema } from './portal-refund';

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
  /** Sum of the PAID refunds in the payment's currency. */
  refundedAmount: maybe(decimalField),
  /** `NONE`, `PARTIAL` or `FULL` (PAID refunds against the amount). */
  refundState: maybe(z.string()),
  /** Symbol of the settlement token, when the API names it (default USDC). */
  tokenSymbol: maybe(z.string()),
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

/** One Shopify mutation of a payment's timeline. */
export const portalMutationSchema = z.object({
  id: z.string(),
  /** GraphQL name, e.g. `paymentSessionResolve`. */
  mutation: z.string(),
  /** `PENDING`, `IN_FLIGHT`, `SUCCEEDED`, `FAILED`, `EXHAUSTED`. */
  status: z.string(),
  attempts: z.number(),
  lastError: maybe(z.string()),
  refundId: maybe(z.string()),
  createdAt: z.string(),
  completedAt: maybe(z.string()),
  nextAttemptAt: maybe(z.string()),
});

/** One Shopify mutation. */
export type PortalMutation = z.infer<typeof portalMutationSchema>;

/** Schema of `GET /portal/payments/{id}`. */
export const portalPaymentDetailSchema = z.extend(portalPaymentSchema, {
  mint: maybe(z.string()),
  payoutWallet: maybe(z.string()),
  customerEmail: maybe(z.string()),
  rejectReason: maybe(z.string()),
  expiresAt: maybe(z.string()),
  refunds: z.array(portalRefundSchema),
  mutations: z.array(portalMutationSchema),
});

/** A payment with its refunds and Shopify timeline. */
export type PortalPaymentDetail = z.infer<typeof portalPaymentDetailSchema>;
