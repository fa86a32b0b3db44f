import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@solpay/db';
import type { SessionStorePort } from '@solpay/domain';

/**
 * {@link SessionStorePort} over PostgreSQL with Prisma. Payment creation is ONE statement
 * (`INSERT … SELECT FROM merchants … ON CONFLICT (merchant_id, shopify_id) … RETURNING`), so any
 * number of concurrent duplicates produce one row, all read the same id, and the happy path
 * costs a single round trip.
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

    async createPaymentForShop(shopDomain, record) {
      const customerData =
        record.customerData === null ? null : JSON.stringify(record.customerData);
      // `DO UPDATE SET shopify_id = EXCLUDED.shopify_id` changes nothing but makes RETURNING
      // yield the existing row for a duplicate; `xmax = 0` tells a fresh insert from it.
      const rows = await prisma.$queryRaw<Array<{ id: string; created: boolean }>>`
        INSERT INTO payment_records (
          id, merchant_id, shopify_id, gid, "group", session_id, kind, amount, currency,
          token_amount, token_mint, token_decimals, recipient_wallet, reference_key, test,
          cancel_url, merchant_locale, proposed_at, api_version, customer_email, customer_phone,
          customer_data, expires_at, updated_at)
        SELECT ${randomUUID()}::uuid, m.id, ${record.shopifyId}, ${record.gid}, ${record.group},
          ${record.sessionId}, ${record.kind}::"PaymentKind", ${record.amount}::numeric,
          ${record.currency}, ${record.tokenAmount}, ${record.tokenMint}, ${record.tokenDecimals},
          m.payout_wallet, ${record.referenceKey}, ${record.test}, ${record.cancelUrl},
          ${record.merchantLocale}, ${record.proposedAt}, ${record.apiVersion},
          ${record.customerEmail}, ${record.customerPhone}, ${customerData}::jsonb,
          ${record.expiresAt}, now()
        FROM merchants m
        WHERE m.shop_domain = ${shopDomain} AND m.install_state = 'INSTALLED'
          AND m.configured AND m.payout_wallet IS NOT NULL
        ON CONFLICT (merchant_id, shopify_id) DO UPDATE SET shopify_id = EXCLUDED.shopify_id
        RETURNING id::text AS id, (xmax = 0) AS created`;
      return rows[0] ?? null;
    },
  };
}
