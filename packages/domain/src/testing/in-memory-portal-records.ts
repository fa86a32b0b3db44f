import type {
  PageCursor,
  PaymentFilters,
  PortalPayment,
  PortalPaymentDetail,
  PortalRecordsPort,
  PortalRefund,
} from '../merchants/portal-records-port';
import type { RecordStatus } from '../records/payable-record';
import {
  InMemoryDatabase,
  numericText,
  sumNumeric,
  type PaymentRow,
  type RefundRow,
} from './in-memory-database';

/** Newest first: `createdAt` desc, then `id` desc. */
function newestFirst(a: { createdAt: Date; id: string }, b: { createdAt: Date; id: string }) {
  return b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

function before(row: { createdAt: Date; id: string }, after: PageCursor | null): boolean {
  if (!after) return true;
  const t = row.createdAt.getTime();
  return t < after.createdAt.getTime() || (t === after.createdAt.getTime() && row.id < after.id);
}

/**
 * {@link PortalRecordsPort} over an {@link InMemoryDatabase}, with the Prisma adapter's contract:
 * every read is scoped by `merchantId` (another merchant's record reads as missing), lists are
 * newest first with a keyset cursor, and a payment rejected because it expired reads `EXPIRED`.
 */
export class InMemoryPortalRecords implements PortalRecordsPort {
  constructor(private readonly db: InMemoryDatabase) {}

  async listPayments(
    input: { merchantId: string; after: PageCursor | null; limit: number } & PaymentFilters,
  ): Promise<PortalPayment[]> {
    const search = input.search?.trim();
    return [...this.db.payments.values()]
      .filter((row) => row.merchantId === input.merchantId && before(row, input.after))
      .filter((row) => input.status === null || this.toPayment(row).status === input.status)
      .filter((row) => !input.from || row.createdAt.getTime() >= input.from.getTime())
      .filter((row) => !input.to || row.createdAt.getTime() < input.to.getTime())
      .filter(
        (row) =>
          !search ||
          [row.shopifyId, row.gid, row.buyerWallet, row.recipientWallet].includes(search),
      )
      .sort(newestFirst)
      .slice(0, input.limit)
      .map((row) => this.toPayment(row));
  }

  async findPayment(merchantId: string, paymentId: string): Promise<PortalPaymentDetail | null> {
    if (!InMemoryDatabase.isId(paymentId)) return null;
    const row = this.db.payments.get(paymentId);
    if (!row || row.merchantId !== merchantId) return null;
    const refunds = [...this.db.refunds.values()]
      .filter((refund) => refund.merchantId === merchantId && refund.paymentId === paymentId)
      .sort((a, b) => -newestFirst(a, b));
    const refundIds = new Set(refunds.map((refund) => refund.id));
    const mutations = [...this.db.mutations.values()]
      .filter(
        (mutation) =>
          mutation.merchantId === merchantId &&
          (mutation.paymentId === paymentId || refundIds.has(mutation.refundId ?? '')),
      )
      .sort((a, b) => a.createdSeq - b.createdSeq)
      .map((mutation) => ({
        id: mutation.id,
        kind: mutation.kind,
        status: mutation.status,
        attempts: mutation.status === 'PENDING' ? 0 : 1,
        lastError: mutation.lastError,
        refundId: mutation.refundId,
        createdAt: mutation.createdAt,
        completedAt: null,
        nextAttemptAt: mutation.createdAt,
      }));
    return {
      ...this.toPayment(row),
      tokenMint: row.tokenMint,
      recipientWallet: row.recipientWallet ?? '',
      customerEmail: row.customerEmail,
      rejectReason: row.rejectReason,
      expiresAt: row.expiresAt,
      refunds: refunds.map((refund) => this.toRefund(refund)),
      mutations,
    };
  }

  async listRefunds(input: {
    merchantId: string;
    statuses: readonly RecordStatus[];
    limit: number;
  }): Promise<PortalRefund[]> {
    return [...this.db.refunds.values()]
      .filter((row) => row.merchantId === input.merchantId && input.statuses.includes(row.status))
      .sort(newestFirst)
      .slice(0, input.limit)
      .map((row) => this.toRefund(row));
  }

  async findRefund(merchantId: string, refundId: string): Promise<PortalRefund | null> {
    if (!InMemoryDatabase.isId(refundId)) return null;
    const row = this.db.refunds.get(refundId);
    if (!row || row.merchantId !== merchantId) return null;
    // The landed transaction is one we served: its `account` is the wallet that paid.
    const served = row.signature ? this.db.served.get(row.signature) : undefined;
    return { ...this.toRefund(row), payerWallet: served?.account ?? null };
  }

  private toPayment(row: PaymentRow): PortalPayment {
    const paidRefunds = [...this.db.refunds.values()]
      .filter((refund) => refund.paymentId === row.id && refund.status === 'PAID')
      .map((refund) => refund.amount);
    return {
      id: row.id,
      shopifyId: row.shopifyId,
      amount: numericText(row.amount),
      currency: row.currency,
      tokenAmount: row.tokenAmount,
      tokenDecimals: row.tokenDecimals,
      tokenSymbol: row.tokenSymbol,
      quoteRate: row.quoteRate,
      status: row.status === 'REJECTED' && row.rejectCode === 'EXPIRED' ? 'EXPIRED' : row.status,
      signature: row.signature,
      buyerWallet: row.buyerWallet,
      screeningHits: row.screeningHits,
      test: row.test,
      createdAt: row.createdAt,
      paidAt: row.paidAt,
      refundedAmount: sumNumeric(paidRefunds),
    };
  }

  private toRefund(row: RefundRow): PortalRefund {
    const payment = row.paymentId ? this.db.payments.get(row.paymentId) : undefined;
    return {
      id: row.id,
      shopifyId: row.shopifyId,
      paymentShopifyId: row.shopifyPaymentId,
      amount: numericText(row.amount),
      currency: row.currency,
      tokenAmount: row.tokenAmount,
      tokenDecimals: row.tokenDecimals ?? 6,
      tokenMint: row.tokenMint,
      tokenSymbol: row.tokenSymbol ?? (row.tokenMint ? 'USDC' : null),
      quoteRate: payment?.quoteRate ?? null,
      status: row.status,
      rejectReason: row.rejectReason,
      signature: row.signature,
      recipientWallet: row.recipientWallet,
      test: row.test,
      createdAt: row.createdAt,
      paidAt: row.paidAt,
    };
  }
}
