import type { Prisma, PrismaClient } from '@solpay/db';
import type {
  PortalPayment,
  PortalPaymentStatus,
  PortalRecordsPort,
  PortalRefund,
} from '@solpay/domain';
import { isRecordId } from '../stores/record-tables';

const refundSelect = {
  id: true,
  shopifyId: true,
  shopifyPaymentId: true,
  amount: true,
  currency: true,
  tokenAmount: true,
  tokenDecimals: true,
  tokenMint: true,
  tokenSymbol: true,
  payment: { select: { quoteRate: true } },
  status: true,
  rejectReason: true,
  signature: true,
  recipientWallet: true,
  test: true,
  createdAt: true,
  paidAt: true,
} satisfies Prisma.RefundRecordSelect;

/** `reject_code` of a payment rejected because its session expired unpaid. */
const EXPIRED = 'EXPIRED';

/** Expired-unpaid payments are filed apart from rejections (stored as REJECTED + EXPIRED). */
function statusFilter(status: PortalPaymentStatus | null): Prisma.PaymentRecordWhereInput {
  if (status === null) return {};
  if (status === 'EXPIRED') return { status: 'REJECTED', rejectCode: EXPIRED };
  if (status === 'REJECTED') {
    // AND-wrapped: the page cursor adds an OR of its own.
    return { status, AND: [{ OR: [{ rejectCode: null }, { rejectCode: { not: EXPIRED } }] }] };
  }
  return { status };
}

type RefundRow = Prisma.RefundRecordGetPayload<{ select: typeof refundSelect }>;

function toRefund(row: RefundRow): PortalRefund {
  const { shopifyPaymentId, payment, ...rest } = row;
  return {
    ...rest,
    paymentShopifyId: shopifyPaymentId,
    amount: row.amount.toFixed(),
    tokenDecimals: row.tokenDecimals ?? 6,
    // Refunds stored before the token table were all USDC.
    tokenSymbol: row.tokenSymbol ?? (row.tokenMint ? 'USDC' : null),
    quoteRate: payment?.quoteRate?.toFixed() ?? null,
  };
}

/**
 * {@link PortalRecordsPort} over PostgreSQL with Prisma. Every query filters on `merchantId`, so
 * another merchant's record is indistinguishable from a missing one.
 */
export function createPrismaPortalRecords(prisma: PrismaClient): PortalRecordsPort {
  return {
    async listPayments({ merchantId, status, after, limit }) {
      const rows = await prisma.paymentRecord.findMany({
        where: {
          merchantId,
          ...statusFilter(status),
          ...(after
            ? {
                OR: [
                  { createdAt: { lt: after.createdAt } },
                  { createdAt: after.createdAt, id: { lt: after.id } },
                ],
              }
            : {}),
        },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: limit,
        select: {
          id: true,
          shopifyId: true,
          amount: true,
          currency: true,
          tokenAmount: true,
          tokenDecimals: true,
          tokenSymbol: true,
          quoteRate: true,
          status: true,
          signature: true,
          buyerWallet: true,
          test: true,
          createdAt: true,
          paidAt: true,
          rejectCode: true,
        },
      });
      return rows.map(({ rejectCode, ...row }): PortalPayment => ({
        ...row,
        status: row.status === 'REJECTED' && rejectCode === EXPIRED ? 'EXPIRED' : row.status,
        amount: row.amount.toFixed(),
        quoteRate: row.quoteRate?.toFixed() ?? null,
      }));
    },

    async listRefunds({ merchantId, statuses, limit }) {
      const rows = await prisma.refundRecord.findMany({
        where: { merchantId, status: { in: [...statuses] } },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: limit,
        select: refundSelect,
      });
      return rows.map(toRefund);
    },

    async findRefund(merchantId, refundId) {
      if (!isRecordId(refundId)) return null;
      const row = await prisma.refundRecord.findFirst({
        where: { id: refundId, merchantId },
        select: refundSelect,
      });
      return row ? toRefund(row) : null;
    },
  };
}
