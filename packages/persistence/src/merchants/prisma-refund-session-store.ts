import Decimal from 'decimal.js';
import type { PrismaClient } from '@solpay/db';
import {
  refundRecordFields,
  type RefundablePayment,
  type RefundSessionStorePort,
} from '@solpay/domain';
import { enqueueShopifyMutation } from '@solpay/queue';

/** Interactive transaction limits: duplicates queue up on the payment row lock. */
const TX_OPTIONS = { maxWait: 20_000, timeout: 20_000 } as const;

/**
 * {@link RefundSessionStorePort} over PostgreSQL with Prisma. The decision runs while the
 * payment row is locked (`SELECT … FOR UPDATE`), and the insert is `INSERT … ON CONFLICT DO
 * NOTHING` on `(merchant_id, shopify_id)`: duplicates produce one row, and only the request that
 * inserted it queues the immediate reject.
 */
export function createPrismaRefundSessionStore(prisma: PrismaClient): RefundSessionStorePort {
  return {
    createRefundIfAbsent(record, decide) {
      const key = { merchantId: record.merchantId, shopifyId: record.shopifyId };
      return prisma.$transaction(async (tx) => {
        const existing = await tx.refundRecord.findUnique({
          where: { merchantId_shopifyId: key },
          select: { id: true, status: true },
        });
        if (existing) return { ...existing, created: false, mutationIds: [] };

        const locked = await tx.$queryRaw<Array<{ id: string }>>`
          SELECT id::text AS id FROM payment_records
          WHERE merchant_id = ${record.merchantId}::uuid AND shopify_id = ${record.shopifyPaymentId}
          FOR UPDATE`;
        const paymentId = locked[0]?.id;
        let payment: RefundablePayment | null = null;
        let committed = '0';
        if (paymentId) {
          const row = await tx.paymentRecord.findUniqueOrThrow({ where: { id: paymentId } });
          payment = {
            id: row.id,
            status: row.status,
            amount: row.amount.toFixed(),
            currency: row.currency,
            tokenAmount: row.tokenAmount,
            tokenMint: row.tokenMint,
            tokenDecimals: row.tokenDecimals,
            tokenSymbol: row.tokenSymbol,
            tokenProgram: row.tokenProgram,
            quoteRate: row.quoteRate === null ? null : row.quoteRate.toFixed(),
            buyerWallet: row.buyerWallet,
            test: row.test,
          };
          const sum = await tx.refundRecord.aggregate({
            where: { paymentId, status: { in: ['OPEN', 'REJECTING', 'PAID'] } },
            _sum: { amount: true },
          });
          committed = sum._sum.amount?.toFixed() ?? '0';
        }

        const decision = decide(payment, committed);
        const { count } = await tx.refundRecord.createMany({
          data: [
            {
              ...record,
              amount: new Decimal(record.amount),
              ...refundRecordFields(payment, decision),
            },
          ],
          skipDuplicates: true,
        });
        const stored = await tx.refundRecord.findUniqueOrThrow({
          where: { merchantId_shopifyId: key },
          select: { id: true, status: true, gid: true },
        });
        if (count !== 1 || decision.accept) {
          return { id: stored.id, status: stored.status, created: count === 1, mutationIds: [] };
        }
        const mutation = await enqueueShopifyMutation(tx, {
          kind: 'REFUND_SESSION_REJECT',
          merchantId: record.merchantId,
          refundId: stored.id,
          variables: {
            id: stored.gid,
            reason: { code: 'PROCESSING_ERROR', merchantMessage: decision.merchantMessage },
          },
          dedupeKey: `REFUND_SESSION_REJECT:${stored.id}`,
          apiVersion: record.apiVersion,
        });
        return { id: stored.id, status: stored.status, created: true, mutationIds: [mutation.id] };
      }, TX_OPTIONS);
    },
  };
}
