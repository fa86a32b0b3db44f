import type { Prisma, PrismaClient } from '@solpay/db';
import {
  USDC_TOKEN,
  type PaymentFilters,
  type PortalPayment,
  type PortalPaymentDetail,
  type PortalPaymentStatus,
  type PortalRecordsPort,
  type PortalRefund,
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
    tokenDecimals: row.tokenDecimals ?? USDC_TOKEN.decimals,
    // Refunds stored before the token table were all USDC.
    tokenSymbol: row.tokenSymbol ?? (row.tokenMint ? USDC_TOKEN.symbol : null),
    quoteRate: payment?.quoteRate?.toFixed() ?? null,
  };
}

const paymentSelect = {
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
  screeningHits: true,
  refunds: { where: { status: 'PAID' }, select: { amount: true } },
} satisfies Prisma.PaymentRecordSelect;

type PaymentRow = Prisma.PaymentRecordGetPayload<{ select: typeof paymentSelect }>;

function toPayment(row: PaymentRow): PortalPayment {
  const { refunds, rejectCode, ...rest } = row;
  const refunded = refunds.reduce((sum, refund) => sum.plus(refund.amount), row.amount.mul(0));
  return {
    ...rest,
    status: row.status === 'REJECTED' && rejectCode === EXPIRED ? 'EXPIRED' : row.status,
    amount: row.amount.toFixed(),
    quoteRate: row.quoteRate?.toFixed() ?? null,
    refundedAmount: refunded.toFixed(),
  };
}

/** The list filters as a Prisma condition (search: exact Shopify id or a wallet address). */
function paymentFilterWhere(filters: PaymentFilters): Prisma.PaymentRecordWhereInput {
  const search = filters.search?.trim();
  const { AND: statusAnd, ...status } = statusFilter(filters.status);
  // AND-wrapped: the page cursor adds an OR of its own.
  const and = [
    ...(Array.isArray(statusAnd) ? statusAnd : statusAnd ? [statusAnd] : []),
    ...(search
      ? [
          {
            OR: [
              { shopifyId: search },
              { gid: search },
              { buyerWallet: search },
              { recipientWallet: search },
            ],
          },
        ]
      : []),
  ];
  return {
    ...status,
    ...(filters.from || filters.to
      ? {
          createdAt: {
            ...(filters.from ? { gte: filters.from } : {}),
            ...(filters.to ? { lt: filters.to } : {}),
          },
        }
      : {}),
    ...(and.length > 0 ? { AND: and } : {}),
  };
}

/**
 * {@link PortalRecordsPort} over PostgreSQL with Prisma. Every query filters on `merchantId`, so
 * another merchant's record is indistinguishable from a missing one.
 */
export function createPrismaPortalRecords(prisma: PrismaClient): PortalRecordsPort {
  return {
    async listPayments({ merchantId, after, limit, ...filters }) {
      const rows = await prisma.paymentRecord.findMany({
        where: {
          merchantId,
          ...paymentFilterWhere(filters),
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
        select: paymentSelect,
      });
      return rows.map(toPayment);
    },

    async findPayment(merchantId, paymentId): Promise<PortalPaymentDetail | null> {
      if (!isRecordId(paymentId)) return null;
      const row = await prisma.paymentRecord.findFirst({
        where: { id: paymentId, merchantId },
        select: {
          ...paymentSelect,
          tokenMint: true,
          recipientWallet: true,
          customerEmail: true,
          rejectReason: true,
          expiresAt: true,
        },
      });
      if (!row) return null;
      const [refunds, mutations] = await Promise.all([
        prisma.refundRecord.findMany({
          where: { merchantId, paymentId },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          select: refundSelect,
        }),
        prisma.shopifyMutation.findMany({
          where: {
            merchantId,
            OR: [{ paymentId }, { refund: { paymentId } }],
          },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          select: {
            id: true,
            kind: true,
            status: true,
            attempts: true,
            lastError: true,
            refundId: true,
            createdAt: true,
            completedAt: true,
            nextAttemptAt: true,
          },
        }),
      ]);
      return {
        ...toPayment(row),
        tokenMint: row.tokenMint,
        recipientWallet: row.recipientWallet,
        customerEmail: row.customerEmail,
        rejectReason: row.rejectReason,
        expiresAt: row.expiresAt,
        refunds: refunds.map(toRefund),
        mutations,
      };
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
      if (!row) return null;
      // The landed transaction is one we served: its `account` is the wallet that paid.
      const served = row.signature
        ? await prisma.servedTransaction.findUnique({
            where: { signature: row.signature },
            select: { account: true },
          })
        : null;
      return { ...toRefund(row), payerWallet: served?.account ?? null };
    },
  };
}
