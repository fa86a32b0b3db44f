import type { RefundablePayment, RefundDecision } from './refund-decision';

/** Fields of a refund record that do not depend on the decision. */
export interface NewRefundRecord {
  merchantId: string;
  shopifyId: string;
  gid: string;
  shopifyPaymentId: string;
  amount: string;
  currency: string;
  referenceKey: string;
  test: boolean;
  merchantLocale: string | null;
  proposedAt: Date | null;
  apiVersion: string;
}

/** What the store did with a refund session request. */
export interface StoredRefund {
  id: string;
  /** False for a duplicate (the stored row is returned unchanged). */
  created: boolean;
  status: 'OPEN' | 'PAID' | 'REJECTING' | 'REJECTED';
  /** Outbox rows to dispatch (the immediate reject), empty otherwise. */
  mutationIds: string[];
}

/** Persistence for refund session requests. Implemented with Prisma in `@solpay/persistence`. */
export interface RefundSessionStorePort {
  /**
   * In ONE transaction: returns the stored row if `(merchantId, shopifyId)` exists; else locks the
   * merchant's payment with Shopify id `shopifyPaymentId` (if any), sums the fiat amounts of its
   * OPEN/REJECTING/PAID refunds, asks `decide`, inserts the refund in the payment's token with the
   * decided token amount (`INSERT … ON CONFLICT DO NOTHING`; OPEN with the recipient, or REJECTED
   * with the message) and, for a rejection, queues `refundSessionReject`
   * — so concurrent duplicates make one row and concurrent different refunds of one payment can
   * never together exceed it.
   */
  createRefundIfAbsent(
    record: NewRefundRecord,
    decide: (payment: RefundablePayment | null, committedRefunds: string) => RefundDecision,
  ): Promise<StoredRefund>;
}
