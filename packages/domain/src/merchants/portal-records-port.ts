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
  test: boolean;
  createdAt: Date;
  paidAt: Date | null;
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
  listPayments(input: {
    merchantId: string;
    status: PortalPaymentStatus | null;
    after: PageCursor | null;
    limit: number;
  }): Promise<PortalPayment[]>;
  listRefunds(input: {
    merchantId: string;
    statuses: readonly RecordStatus[];
    limit: number;
  }): Promise<PortalRefund[]>;
  findRefund(merchantId: string, refundId: string): Promise<PortalRefund | null>;
}
