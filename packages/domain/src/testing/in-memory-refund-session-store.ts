import type { RefundablePayment, RefundDecision } from '../refunds/refund-decision';
import { refundRecordFields } from '../refunds/refund-record-fields';
import type {
  NewRefundRecord,
  RefundSessionStorePort,
  StoredRefund,
} from '../refunds/refund-session-store-port';
import {
  numericText,
  sumNumeric,
  type InMemoryDatabase,
  type RefundRow,
} from './in-memory-database';

/**
 * {@link RefundSessionStorePort} over an {@link InMemoryDatabase}, with the Prisma adapter's
 * contract: in one atomic step a duplicate `(merchant, id)` returns the stored row unchanged;
 * otherwise the decision is taken against the payment and the fiat sum of its OPEN, REJECTING
 * and PAID refunds, the refund is stored in the payment's token (OPEN with the recipient, or
 * REJECTED with the message), and a rejection queues `refundSessionReject` with it.
 */
export class InMemoryRefundSessionStore implements RefundSessionStorePort {
  constructor(private readonly db: InMemoryDatabase) {}

  async createRefundIfAbsent(
    record: NewRefundRecord,
    decide: (payment: RefundablePayment | null, committedRefunds: string) => RefundDecision,
  ): Promise<StoredRefund> {
    const existing = [...this.db.refunds.values()].find(
      (row) => row.merchantId === record.merchantId && row.shopifyId === record.shopifyId,
    );
    if (existing) {
      return { id: existing.id, status: existing.status, created: false, mutationIds: [] };
    }
    const paymentRow = [...this.db.payments.values()].find(
      (row) => row.merchantId === record.merchantId && row.shopifyId === record.shopifyPaymentId,
    );
    const payment: RefundablePayment | null = paymentRow
      ? {
          id: paymentRow.id,
          status: paymentRow.status,
          amount: numericText(paymentRow.amount),
          currency: paymentRow.currency,
          tokenAmount: paymentRow.tokenAmount,
          tokenMint: paymentRow.tokenMint,
          tokenDecimals: paymentRow.tokenDecimals,
          tokenSymbol: paymentRow.tokenSymbol,
          tokenProgram: paymentRow.tokenProgram,
          quoteRate: paymentRow.quoteRate,
          buyerWallet: paymentRow.buyerWallet,
          test: paymentRow.test,
        }
      : null;
    const committed = paymentRow
      ? sumNumeric(
          [...this.db.refunds.values()]
            .filter(
              (row) =>
                row.paymentId === paymentRow.id &&
                (row.status === 'OPEN' || row.status === 'REJECTING' || row.status === 'PAID'),
            )
            .map((row) => row.amount),
        )
      : '0';

    const decision = decide(payment, committed);
    const row: RefundRow = {
      ...record,
      id: this.db.newId(),
      ...refundRecordFields(payment, decision),
      signature: null,
      slot: null,
      blockTime: null,
      paidAt: null,
      orphanedAt: null,
      createdAt: this.db.clock.now(),
      updatedSeq: this.db.tick(),
    };
    this.db.refunds.set(row.id, row);
    if (decision.accept) {
      return { id: row.id, status: row.status, created: true, mutationIds: [] };
    }
    const mutation = this.db.enqueueMutation({
      kind: 'REFUND_SESSION_REJECT',
      merchantId: record.merchantId,
      refundId: row.id,
      variables: {
        id: row.gid,
        reason: { code: 'PROCESSING_ERROR', merchantMessage: decision.merchantMessage },
      },
      dedupeKey: `REFUND_SESSION_REJECT:${row.id}`,
      apiVersion: record.apiVersion,
    });
    return { id: row.id, status: row.status, created: true, mutationIds: [mutation.id] };
  }
}
