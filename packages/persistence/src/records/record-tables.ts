import type { RecordKind } from '@solpay/domain';

/** SQL table of each record kind (for row locks; Prisma has no `SELECT … FOR UPDATE`). */
export const RECORD_TABLE: Record<RecordKind, 'payment_records' | 'refund_records'> = {
  payment: 'payment_records',
  refund: 'refund_records',
};

/** Prisma enum value of each record kind. */
export const RECORD_KIND_ENUM: Record<RecordKind, 'PAYMENT' | 'REFUND'> = {
  payment: 'PAYMENT',
  refund: 'REFUND',
};

/** The foreign-key column that points at a record of this kind. */
export function recordLink(
  kind: RecordKind,
  id: string,
): { paymentId: string } | { refundId: string } {
  return kind === 'payment' ? { paymentId: id } : { refundId: id };
}
