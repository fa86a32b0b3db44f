import { Prisma, type PrismaClient } from '@solpay/db';
import type { SessionStorePort } from '@solpay/domain';

/**
 * {@link SessionStorePort} over PostgreSQL with Prisma. Payment creation is a single
 * `INSERT … ON CONFLICT DO NOTHING` on `(merchant_id, shopify_id)` followed by a read, so any
 * number of concurrent duplicates produce one row and all read the same id.
 */
export function createPrismaSessionStore(prisma: PrismaClient): SessionStorePort {
  return {
    async findMerchantByShop(shopDomain) {
      const merchant = await prisma.merchant.findUnique({ where: { shopDomain } });
      if (!merchant) return null;
      return {
        id: merchant.id,
        shopDomain: merchant.shopDomain,
        installed: merchant.installState === 'INSTALLED',
        configured: merchant.configured,
        payoutWallet: merchant.payoutWallet,
        displayName: merchant.displayName,
      };
    },

    async createPaymentIfAbsent(record) {
      const { count } = await prisma.paymentRecord.createMany({
        data: [
          {
            ...record,
            amount: new Prisma.Decimal(record.amount),
            customerData:
              record.customerData === null
                ? Prisma.DbNull
                : (record.customerData as Prisma.InputJsonValue),
          },
        ],
        skipDuplicates: true,
      });
      const stored = await prisma.paymentRecord.findUniqueOrThrow({
        where: {
          merchantId_shopifyId: { merchantId: record.merchantId, shopifyId: record.shopifyId },
        },
        select: { id: true },
      });
      return { id: stored.id, created: count === 1 };
    },
  };
}
