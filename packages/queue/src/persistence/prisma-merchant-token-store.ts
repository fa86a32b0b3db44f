import type { PrismaClient } from '@solpay/db';
import type { MerchantTokenStore } from '../ports/merchant-token-store';

const tokenColumns = {
  shopDomain: true,
  installState: true,
  accessTokenEnc: true,
  accessTokenExpiresAt: true,
  refreshTokenEnc: true,
} as const;

/**
 * {@link MerchantTokenStore} over the `merchants` table with Prisma. A rotated pair is stored
 * with a conditional update (`WHERE refresh_token_enc = <the one used>`).
 */
export function createPrismaMerchantTokenStore(prisma: PrismaClient): MerchantTokenStore {
  return {
    read: (merchantId) =>
      prisma.merchant.findUnique({ where: { id: merchantId }, select: tokenColumns }),

    async storeRotated(merchantId, usedRefreshTokenEnc, next) {
      const written = await prisma.merchant.updateMany({
        where: { id: merchantId, refreshTokenEnc: usedRefreshTokenEnc },
        data: {
          accessTokenEnc: next.accessTokenEnc,
          accessTokenExpiresAt: next.accessTokenExpiresAt,
          refreshTokenEnc: next.refreshTokenEnc,
          ...(next.refreshTokenExpiresAt === undefined
            ? {}
            : { refreshTokenExpiresAt: next.refreshTokenExpiresAt }),
        },
      });
      return written.count === 1;
    },
  };
}
