import type { PrismaClient } from '@solpay/db';
import type { AppUninstalledStorePort } from '@solpay/domain';
import { closeDepartedShopRecords } from '../records/close-departed-shop-records';

/** {@link AppUninstalledStorePort} over PostgreSQL with Prisma (de-duplicated by webhook id). */
export function createPrismaAppUninstalledStore(prisma: PrismaClient): AppUninstalledStorePort {
  return {
    recordUninstall: ({ webhookId, shopDomain, at }) =>
      prisma.$transaction(async (tx) => {
        const { count } = await tx.inboundEvent.createMany({
          data: [{ source: 'SHOPIFY_WEBHOOK', externalId: `app/uninstalled:${webhookId}` }],
          skipDuplicates: true,
        });
        if (count === 0) return 'duplicate';
        const merchant = await tx.merchant.findUnique({
          where: { shopDomain },
          select: { id: true },
        });
        if (!merchant) return 'unknown-shop';
        await tx.merchant.update({
          where: { id: merchant.id },
          data: {
            installState: 'UNINSTALLED',
            uninstalledAt: at,
            configured: false,
            accessTokenEnc: null,
            accessTokenExpiresAt: null,
            refreshTokenEnc: null,
            refreshTokenExpiresAt: null,
          },
        });
        await tx.portalSession.updateMany({
          where: { merchantId: merchant.id, revokedAt: null },
          data: { revokedAt: at },
        });
        await closeDepartedShopRecords(tx, merchant.id, at);
        return 'uninstalled';
      }),
  };
}
