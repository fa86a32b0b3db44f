import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@solpay/db';
import type { SessionStorePort } from '@solpay/domain';

/**
 * {@link SessionStorePort} over PostgreSQL with Prisma. Payment creation is ONE statement
 * (`INSERT … SELECT FROM merchants … ON CONFLICT (merchant_id, shopify_id) … RETURNING`), with the
 * locked quote in the same row, so any number of concurrent duplicates produce one row and all
 * read the same id (and quote).
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
        settlementToken: merchant.settlementToken,
      };
    },

    async findSessionContext(shopDomain, shopifyId) {
      const rows = await prisma.$queryRaw<
        Array<{
          id: string;
          shop_domain: string;
          install_state: string;
          configured: boolean;
          payout_wallet: string | null;
          display_name: string | null;
          settlement_token: string;
          payment_id: string | null;
        }>
      >`
        SELECT m.id::text AS id, m.shop_domain, m.install_state::text AS install_state,
          m.configured, m.payout_wallet, m.display_name, m.settlement_token,
          p.id::text AS payment_id
        FROM merchants m
        LEFT JOIN payment_records p ON p.merchant_id = m.id AND p.shopify_id = ${shopifyId}
        WHERE m.shop_domain = ${shopDomain}`;
      const row = rows[0];
      if (!row) return null;
      return {
        merchant: {
          id: row.id,
          shopDomain: row.shop_domain,
          installed: row.install_state === 'INSTALLED',
          configured: row.configured,
          payoutWallet: row.payout_wallet,
          displayName: row.display_name,
          settlementToken: row.settlement_token,
        },
        existingPaymentId: row.payment_id,
      };
    },

    async createPaymentForShop(shopDomain, record) {
      const customerData =
        record.customerData === null ? null : JSON.stringify(record.customerData);
      const { quote } = record;
      const quoteFeeds = quote ? JSON.stringify(quote.feeds) : null;
      // `DO UPDATE SET shopify_id = EXCLUDED.shopify_id` changes nothing but makes RETURNING
      // yield the existing row for a duplicate; `xmax = 0` tells a fresh insert from it.
      const rows = await prisma.$queryRaw<Array<{ id: string; created: boolean }>>`
        INSERT INTO payment_records (
          id, merchant_id, shopify_id, gid, "group", session_id, kind, amount, currency,
          token_amount, token_mint, token_decimals, token_symbol, token_program, quote_rate,
          quote_feeds, quote_published_at, quote_expires_at, recipient_wallet, reference_key, test,
          cancel_url, merchant_locale, proposed_at, api_version, customer_email, customer_phone,
          customer_data, expires_at, updated_at)
        SELECT ${randomUUID()}::uuid, m.id, ${record.shopifyId}, ${record.gid}, ${record.group},
          ${record.sessionId}, ${record.kind}::"PaymentKind", ${record.amount}::numeric,
          ${record.currency}, ${record.tokenAmount}, ${record.tokenMint}, ${record.tokenDecimals},
          ${record.tokenSymbol}, ${record.tokenProgram}, ${quote?.rate ?? null}::numeric,
          ${quoteFeeds}::jsonb, ${quote?.publishedAt ?? null}, ${quote?.expiresAt ?? null},
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
