import type { RecordStatus } from '../records/payable-record';

/** How the portal files a payment: its status, with expired-unpaid ones apart from rejections. */
export type PortalPaymentStatus = RecordStatus | 'EXPIRED';

/** A payment as the merchant's portal lists it. */
export interface PortalPayment {
  id: string;
  shopifyId: string;
  amount: string;
  currency: string;
  tokenAmount: bigint;
  tokenDecimals: number;
  /** Settlement token symbol (`USDC`, `EURC`…). */
  tokenSymbol: string;
  /** The locked rate (token per unit of `currency`); null when settled 1:1. */
  quoteRate: string | null;
  /** The record's status, except that a payment rejected because it expired unpaid is `EXPIRED`. */
  status: PortalPaymentStatus;
  signature: string | null;
  buyerWallet: string | null;
  /** Transaction requests refused by wallet screening (the session was not rejected for them). */
  screeningHits: number;
  test: boolean;
  createdAt: Date;
  paidAt: Date | null;
  /** Sum of the amounts of its PAID refunds, in the payment's currency (decimal string). */
  refundedAmount: string;
}

/** One Shopify mutation the outbox sent (or is sending) about a payment or its refunds. */
export interface PortalMutation {
  id: string;
  /** `PAYMENT_SESSION_RESOLVE`, `REFUND_SESSION_REJECT`, … */
  kind: string;
  /** `PENDING`, `IN_FLIGHT`, `SUCCEEDED`, `FAILED` or `EXHAUSTED`. */
  status: string;
  attempts: number;
  lastError: string | null;
  /** The refund it is about, when it is about a refund. */
  refundId: string | null;
  createdAt: Date;
  completedAt: Date | null;
  nextAttemptAt: Date;
}

/** A payment with everything its detail page shows. */
export interface PortalPaymentDetail extends PortalPayment {
  tokenMint: string;
  /** The payout wallet captured when the session was created. */
  recipientWallet: string;
  customerEmail: string | null;
  rejectReason: string | null;
  expiresAt: Date;
  refunds: PortalRefund[];
  /** Oldest first. */
  mutations: PortalMutation[];
}

/** Filters of the payments list (all optional). */
export interface PaymentFilters {
  status: PortalPaymentStatus | null;
  /** Created at or after. */
  from: Date | null;
  /** Created before. */
  to: Date | null;
  /** Exact Shopify payment id, or a wallet (buyer or payout) address. */
  search: string | null;
}

/** A refund as the merchant's portal shows it. */
export interface PortalRefund {
  id: string;
  shopifyId: string;
  /** Shopify `payment_id` as received. */
  paymentShopifyId: string;
  amount: string;
  currency: string;
  tokenAmount: bigint;
  tokenDecimals: number;
  tokenMint: string | null;
  /** Token symbol (null for a refund rejected before any payment matched). */
  tokenSymbol: string | null;
  /** The payment's locked rate the refund is paid at; null when 1:1. */
  quoteRate: string | null;
  status: RecordStatus;
  rejectReason: string | null;
  signature: string | null;
  recipientWallet: string | null;
  /** The wallet that signed the landed refund transfer (detail only; null until paid). */
  payerWallet?: string | null;
  test: boolean;
  createdAt: Date;
  paidAt: Date | null;
}

/** Position after the last item of a page (newest first: `createdAt` desc, then `id` desc). */
export interface PageCursor {
  createdAt: Date;
  id: string;
}

/**
 * Read access to one merchant's records. Every method is scoped by `merchantId`: a record of
 * another merchant is never returned (callers answer 404). Implemented with Prisma.
 */
export interface PortalRecordsPort {
  listPayments(
    input: {
      merchantId: string;
      after: PageCursor | null;
      limit: number;
    } & PaymentFilters,
  ): Promise<PortalPayment[]>;
  /** One payment with its refunds and Shopify mutations; null when unknown or another's. */
  findPayment(merchantId: string, paymentId: string): Promise<PortalPaymentDetail | null>;
  listRefunds(input: {
    merchantId: string;
    statuses: readonly RecordStatus[];
    limit: number;
  }): Promise<PortalRefund[]>;
  findRefund(merchantId: string, refundId: string): Promise<PortalRefund | null>;
}
