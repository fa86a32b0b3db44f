import { directSql, type PrismaClient, sql } from '@solpay/db';
import * as z from 'zod';
import type { MerchantTokenStore, StoredMerchantTokens } from '../ports/merchant-token-store';

const tokenRow = z.object({
  shopDomain: z.string(),
  installState: z.enum(['INSTALLED', 'UNINSTALLED', 'REDACTED']),
  accessTokenEnc: z.string().nullable(),
  accessTokenExpiresAt: z.date().nullable(),
  refreshTokenEnc: z.string().nullable(),
}) satisfies z.ZodType<StoredMerchantTokens>;

/**
 * {@link MerchantTokenStore} over the `merchants` table. The read is on every dispatch, so it is
 * SQL over `pg` (`directSql`, ADR 0014); a rotated pair is stored with Prisma, with a
 * conditional update (`WHERE refresh_token_enc = <the one used>`).
 */
export function createPrismaMerchantTokenStore(prisma: PrismaClient): MerchantTokenStore {
  const direct = directSql(prisma);
  return {
    async read(merchantId) {
      const rows = await direct.query(sql`
        SELECT shop_domain AS "shopDomain", install_state::text AS "installState",
          access_token_enc AS "accessTokenEnc", access_token_expires_at AS "accessTokenExpiresAt",
          refresh_token_enc AS "refreshTokenEnc"
        FROM merchants WHERE id = ${merchantId}::uuid`);
      return rows.length === 0 ? null : tokenRow.parse(rows[0]);
    },

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
