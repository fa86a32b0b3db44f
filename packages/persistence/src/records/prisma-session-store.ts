import { randomUUID } from 'node:crypto';
import { jsonbSql, type PrismaClient, queryRawDirect, sql, type Sql } from '@solpay/db';
import type {
  MerchantForSessions,
  PaymentDraft,
  SessionStorePort,
  StoredQuote,
} from '@solpay/domain';

/** The columns of a new payment record, in the order of {@link paymentValues}. */
const PAYMENT_COLUMNS = sql`id, merchant_id, shopify_id, gid, "group", session_id, kind,
  amount, currency, token_amount, token_mint, token_decimals, token_symbol, token_program,
  quote_rate, quote_feeds, quote_published_at, quote_expires_at, recipient_wallet, reference_key,
  test, cancel_url, merchant_locale, proposed_at, api_version, customer_email, customer_phone,
  customer_data, expires_at, updated_at`;

/**
 * The values of {@link PAYMENT_COLUMNS} for `draft`, selected from a merchant row `m`: `token` is
 * the five token columns (amount, mint, decimals, symbol, program) as SQL expressions.
 */
function paymentValues(draft: PaymentDraft, token: Sql, quote: StoredQuote | null) {
  const customerData = jsonbSql(draft.customerData, { sqlNull: true });
  const quoteFeeds = quote ? jsonbSql(quote.feeds) : jsonbSql(null, { sqlNull: true });
  return sql`${randomUUID()}::uuid, m.id, ${draft.shopifyId}, ${draft.gid}, ${draft.group},
    ${draft.sessionId}, ${draft.kind}::"PaymentKind", ${draft.amount}::numeric, ${draft.currency},
    ${token}, ${quote?.rate ?? null}::numeric, ${quoteFeeds}, ${quote?.publishedAt ?? null},
    ${quote?.expiresAt ?? null}, m.payout_wallet, ${draft.referenceKey}, ${draft.test},
    ${draft.cancelUrl}, ${draft.merchantLocale}, ${draft.proposedAt}, ${draft.apiVersion},
    ${draft.customerEmail}, ${draft.customerPhone}, ${customerData}, ${draft.expiresAt},
    now()`;
}

// Only a merchant that can take payments gets one. `DO UPDATE SET shopify_id =
// EXCLUDED.shopify_id` changes nothing but makes RETURNING yield the existing row for a
// duplicate; `xmax = 0` tells a fresh insert from it.
const CAN_TAKE_PAYMENTS = sql`m.install_state = 'INSTALLED' AND m.configured
  AND m.payout_wallet IS NOT NULL`;
const ONE_ROW_PER_SHOPIFY_ID = sql`ON CONFLICT (merchant_id, shopify_id)
  DO UPDATE SET shopify_id = EXCLUDED.shopify_id RETURNING id::text AS id, (xmax = 0) AS created`;

/**
 * {@link SessionStorePort} over PostgreSQL with Prisma. Payment creation is ONE statement
 * (`INSERT … SELECT FROM merchants … ON CONFLICT (merchant_id, shopify_id) … RETURNING`), with the
 * locked quote in the same row, so any number of concurrent duplicates produce one row and all
 * read the same id (and quote). A session that needs no quote is read and created in that one
 * statement too (`createUnquotedPayment`, sent over `pg` without Prisma's machinery).
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

    async createUnquotedPayment(shopDomain, draft, settlements) {
      const options = JSON.stringify(
        settlements.map((row) => ({ ...row, tokenAmount: row.tokenAmount.toString() })),
      );
      // The final SELECT reads the snapshot from before the insert: `p` is a payment that
      // existed already (found also when nothing is inserted), `i` the row of the insert.
      // Over pg directly (Prisma's path cost more CPU than the statement itself; see
      // queryRawDirect): every column is text or boolean, which pg and Prisma read alike.
      const rows = await queryRawDirect<{
        id: string;
        shop_domain: string;
        install_state: string;
        configured: boolean;
        payout_wallet: string | null;
        display_name: string | null;
        settlement_token: string;
        payment_id: string | null;
        created: boolean;
      }>(
        prisma,
        sql`
        WITH m AS (
          SELECT id, shop_domain, install_state, configured, payout_wallet, display_name,
            settlement_token
          FROM merchants WHERE shop_domain = ${shopDomain}
        ), i AS (
          INSERT INTO payment_records (${PAYMENT_COLUMNS})
          SELECT ${paymentValues(
            draft,
            sql`s."tokenAmount"::bigint, s."tokenMint", s."tokenDecimals", s."tokenSymbol",
              s."tokenProgram"`,
            null,
          )}
          FROM m JOIN jsonb_to_recordset(${options}::jsonb) AS s("tokenAmount" text,
            "tokenMint" text, "tokenDecimals" int, "tokenSymbol" text, "tokenProgram" text)
            ON s."tokenSymbol" = m.settlement_token
          WHERE ${CAN_TAKE_PAYMENTS}
          ${ONE_ROW_PER_SHOPIFY_ID}
        )
        SELECT m.id::text AS id, m.shop_domain, m.install_state::text AS install_state,
          m.configured, m.payout_wallet, m.display_name, m.settlement_token,
          COALESCE(i.id, p.id::text) AS payment_id, COALESCE(i.created, false) AS created
        FROM m
        LEFT JOIN i ON true
        LEFT JOIN payment_records p ON p.merchant_id = m.id AND p.shopify_id = ${draft.shopifyId}`,
      );
      const row = rows[0];
      if (!row) return null;
      const merchant: MerchantForSessions = {
        id: row.id,
        shopDomain: row.shop_domain,
        installed: row.install_state === 'INSTALLED',
        configured: row.configured,
        payoutWallet: row.payout_wallet,
        displayName: row.display_name,
        settlementToken: row.settlement_token,
      };
      return {
        merchant,
        payment: row.payment_id === null ? null : { id: row.payment_id, created: row.created },
      };
    },

    async createPaymentForShop(shopDomain, record) {
      const { quote, tokenAmount, tokenMint, tokenDecimals, tokenSymbol, tokenProgram } = record;
      const rows = await queryRawDirect<{ id: string; created: boolean }>(
        prisma,
        sql`
        INSERT INTO payment_records (${PAYMENT_COLUMNS})
        SELECT ${paymentValues(
          record,
          sql`${tokenAmount}, ${tokenMint}, ${tokenDecimals}, ${tokenSymbol}, ${tokenProgram}`,
          quote,
        )}
        FROM merchants m
        WHERE m.shop_domain = ${shopDomain} AND ${CAN_TAKE_PAYMENTS}
        ${ONE_ROW_PER_SHOPIFY_ID}`,
      );
      const row = rows[0];
      return row ? { id: row.id, created: row.created } : null;
    },
  };
}
