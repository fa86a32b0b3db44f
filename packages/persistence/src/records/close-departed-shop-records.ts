import type { Prisma } from '@solpay/db';
import { SHOP_UNINSTALLED_ERROR } from '@solpay/queue';

type Tx = Prisma.TransactionClient;

/** What {@link closeDepartedShopRecords} did (stored in logs and privacy results). */
export interface DepartedShopClosing {
  /** Open records for which nothing that can still land was served: REJECTED at once. */
  closedAtOnce: number;
  /** Open records with a served transaction that may still land: REJECTING, burned by the poll. */
  closingByBurn: number;
  /** Outbox rows that will not be sent (PENDING or EXHAUSTED → FAILED). */
  mutationsCancelled: number;
  /** PAID records whose resolve was among them: paid, and Shopify will never hear. */
  paidUnresolved: number;
}

/** Why the records were closed, as the merchant would read it. */
export const DEPARTED_SHOP_REASON = 'The shop uninstalled the app before this was paid';

/**
 * Closes everything still open of a shop that uninstalled the app (or was redacted), inside the
 * caller's transaction, WITHOUT telling Shopify — it cancels the payment and refund sessions of
 * an uninstalled app, and our token is gone anyway:
 * - open records whose served transactions all failed or expired (or had none) → REJECTED;
 * - open records with a served transaction that may still land → REJECTING; the discovery poll
 *   burns their guard in the background and completes them (`rejectingRecords`), or records the
 *   payment if it landed first — no request waits for the burn;
 * - every such record, and records already REJECTING, get `orphanedAt`, which keeps the
 *   completion (reject or resolve) out of the outbox and flags a late payment for an operator;
 * - outbox rows not yet sent are cancelled; records whose resolve was among them are flagged
 *   (`orphanedAt` on a PAID record: the buyer paid and Shopify never heard).
 *
 * The open records are locked first, so a transaction being served concurrently is either
 * recorded before this runs (and the record is burned) or refused after it (410).
 */
export async function closeDepartedShopRecords(
  tx: Tx,
  merchantId: string,
  at: Date,
): Promise<DepartedShopClosing> {
  await tx.$queryRaw`SELECT id FROM payment_records
    WHERE merchant_id = ${merchantId}::uuid AND status IN ('OPEN', 'REJECTING') FOR UPDATE`;
  await tx.$queryRaw`SELECT id FROM refund_records
    WHERE merchant_id = ${merchantId}::uuid AND status IN ('OPEN', 'REJECTING') FOR UPDATE`;

  const closing = { rejectCode: 'PROCESSING_ERROR', rejectReason: DEPARTED_SHOP_REASON };
  const mayLand = { served: { some: { status: 'SERVED' as const } } };
  const byBurn = { status: 'REJECTING' as const, orphanedAt: at, ...closing };
  const atOnce = { status: 'REJECTED' as const, orphanedAt: at, ...closing };
  const open = { merchantId, status: 'OPEN' as const };
  const burning = [
    await tx.paymentRecord.updateMany({ where: { ...open, ...mayLand }, data: byBurn }),
    await tx.refundRecord.updateMany({ where: { ...open, ...mayLand }, data: byBurn }),
  ];
  const closed = [
    await tx.paymentRecord.updateMany({ where: open, data: atOnce }),
    await tx.refundRecord.updateMany({ where: open, data: atOnce }),
  ];
  const rejecting = { merchantId, status: 'REJECTING' as const, orphanedAt: null };
  await tx.paymentRecord.updateMany({ where: rejecting, data: { orphanedAt: at } });
  await tx.refundRecord.updateMany({ where: rejecting, data: { orphanedAt: at } });

  const unsent = {
    merchantId,
    status: { in: ['PENDING' as const, 'EXHAUSTED' as const] },
  };
  const resolves = await tx.shopifyMutation.findMany({
    where: {
      ...unsent,
      kind: { in: ['PAYMENT_SESSION_RESOLVE', 'REFUND_SESSION_RESOLVE'] },
    },
    select: { paymentId: true, refundId: true },
  });
  const paymentIds = resolves.flatMap((row) => (row.paymentId ? [row.paymentId] : []));
  const refundIds = resolves.flatMap((row) => (row.refundId ? [row.refundId] : []));
  const flaggedPayments = await tx.paymentRecord.updateMany({
    where: { id: { in: paymentIds }, status: 'PAID', orphanedAt: null },
    data: { orphanedAt: at },
  });
  const flaggedRefunds = await tx.refundRecord.updateMany({
    where: { id: { in: refundIds }, status: 'PAID', orphanedAt: null },
    data: { orphanedAt: at },
  });
  const cancelled = await tx.shopifyMutation.updateMany({
    where: unsent,
    data: { status: 'FAILED', completedAt: at, lastError: SHOP_UNINSTALLED_ERROR },
  });

  const sum = (counts: Array<{ count: number }>) => counts.reduce((n, c) => n + c.count, 0);
  return {
    closedAtOnce: sum(closed),
    closingByBurn: sum(burning),
    mutationsCancelled: cancelled.count,
    paidUnresolved: flaggedPayments.count + flaggedRefunds.count,
  };
}
