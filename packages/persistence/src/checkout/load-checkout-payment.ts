import Decimal from 'decimal.js';
import { directSql, type PrismaClient, sql } from '@solpay/db';
import * as z from 'zod';
import {
  checkServedTransactions,
  type CheckoutPaymentView,
  currencyDigits,
  type EngineDeps,
  isRecordId,
  RECORD_STATUSES,
  formatTokenAmount,
  RecordClosedError,
} from '@solpay/domain';
import { encodeTransactionRequestUrl } from '@solpay/solana';

/** Dependencies of {@link loadCheckoutPayment}. */
export interface LoadCheckoutPaymentDeps {
  prisma: PrismaClient;
  engine: EngineDeps;
  /** `PURPLE_ORIGIN`: where the transaction requests are served. */
  purpleOrigin: string;
}

/** The payment joined with its merchant and a count of its served transactions. */
const checkoutRow = z.object({
  id: z.string(),
  status: z.enum(RECORD_STATUSES),
  amount: z.string(),
  currency: z.string(),
  token_amount: z.string(),
  token_decimals: z.number().int(),
  token_symbol: z.string(),
  token_mint: z.string(),
  quote_rate: z.string().nullable(),
  quote_feeds: z.unknown(),
  quote_published_at: z.date().nullable(),
  quote_expires_at: z.date().nullable(),
  recipient_wallet: z.string(),
  cancel_url: z.string(),
  redirect_url: z.string().nullable(),
  expires_at: z.date(),
  test: z.boolean(),
  shopify_id: z.string(),
  reject_code: z.string().nullable(),
  orphaned_at: z.date().nullable(),
  display_name: z.string().nullable(),
  shop_domain: z.string(),
  install_state: z.string(),
  served: z.coerce.number().int(),
});

/**
 * One statement (Prisma's `include` of the merchant and the count sent two), over `pg` without
 * Prisma (`directSql`, ADR 0014): every status poll sends it.
 */
const read = async (prisma: PrismaClient, id: string) => {
  const rows = await directSql(prisma).query(sql`
    SELECT p.id::text AS id, p.status::text AS status, p.amount::text AS amount, p.currency,
      p.token_amount::text AS token_amount, p.token_decimals, p.token_symbol, p.token_mint,
      p.quote_rate::text AS quote_rate, p.quote_feeds, p.quote_published_at, p.quote_expires_at,
      p.recipient_wallet, p.cancel_url, p.redirect_url, p.expires_at, p.test, p.shopify_id,
      p.reject_code, p.orphaned_at, m.display_name, m.shop_domain,
      m.install_state::text AS install_state,
      (SELECT count(*) FROM served_transactions s WHERE s.payment_id = p.id) AS served
    FROM payment_records p JOIN merchants m ON m.id = p.merchant_id
    WHERE p.id = ${id}::uuid`);
  if (rows.length === 0) return null;
  const row = checkoutRow.parse(rows[0]);
  return {
    ...row,
    amount: new Decimal(row.amount),
    quoteRate: row.quote_rate === null ? null : new Decimal(row.quote_rate),
    tokenAmount: BigInt(row.token_amount),
  };
};

/** `FX.USD/CAD`, or `FX.USD/CAD × FX.EUR/USD` for a cross rate. */
function feedNames(feeds: unknown): string {
  if (!Array.isArray(feeds)) return '';
  return feeds
    .map((feed: unknown) =>
      typeof feed === 'object' && feed !== null && 'symbol' in feed ? String(feed.symbol) : '',
    )
    .filter((name) => name.length > 0)
    .join(' × ');
}

/**
 * The checkout page's view of a payment, or null when there is none (also for ids that are not
 * UUIDs); 410 ({@link RecordClosedError}) once its shop uninstalled the app, unless it was paid before. While the payment is open and transactions were served for it, their on-chain status
 * is checked first (the on-demand discovery), so the page sees PAID as soon as the chain says
 * so. A failing RPC does not fail the page: the stored state is answered and logged.
 */
export async function loadCheckoutPayment(
  deps: LoadCheckoutPaymentDeps,
  paymentId: string,
): Promise<CheckoutPaymentView | null> {
  if (!isRecordId(paymentId)) return null;
  let row = await read(deps.prisma, paymentId);
  if (!row) return null;
  if ((row.status === 'OPEN' || row.status === 'REJECTING') && row.served > 0) {
    try {
      const check = await checkServedTransactions(deps.engine, 'payment', paymentId);
      if (check.settled.some((settled) => settled.outcome === 'paid')) {
        row = (await read(deps.prisma, paymentId)) ?? row;
      }
    } catch (error) {
      deps.engine.logger.warn('on-demand payment check failed', {
        paymentId,
        error: String(error),
      });
    }
  }
  // Shopify cancelled the session when the shop uninstalled the app: nothing to pay or wait for
  // (a payment that completed before it left still shows as paid).
  if (row.install_state !== 'INSTALLED' && !(row.status === 'PAID' && !row.orphaned_at)) {
    throw new RecordClosedError('This shop no longer accepts Solana Pay; this payment was closed');
  }
  return {
    status: row.status,
    // The currency's own places ("49.90", "1500" yen), more only when the amount has them.
    amount: row.amount.toFixed(Math.max(currencyDigits(row.currency), row.amount.decimalPlaces())),
    currency: row.currency,
    tokenAmount: formatTokenAmount(row.tokenAmount, row.token_decimals),
    token: { symbol: row.token_symbol, mint: row.token_mint, decimals: row.token_decimals },
    ...(row.quoteRate !== null && row.quote_published_at && row.quote_expires_at
      ? {
          quote: {
            rate: row.quoteRate.toFixed(),
            feed: feedNames(row.quote_feeds),
            publishedAt: row.quote_published_at.toISOString(),
            expiresAt: row.quote_expires_at.toISOString(),
          },
        }
      : {}),
    merchantName: row.display_name ?? row.shop_domain,
    solanaPayUrl: encodeTransactionRequestUrl(`${deps.purpleOrigin}/tx/payment/${row.id}`, {
      allowInsecureLoopback: true,
    }),
    recipient: row.recipient_wallet,
    mint: row.token_mint,
    cancelUrl: row.cancel_url,
    ...(row.redirect_url ? { redirectUrl: row.redirect_url } : {}),
    expiresAt: row.expires_at.toISOString(),
    test: row.test,
    orderReference: row.shopify_id,
    ...(row.status === 'REJECTING' || row.status === 'REJECTED'
      ? { closedReason: closedReasonOf(row.reject_code) }
      : {}),
  };
}

function closedReasonOf(
  rejectCode: string | null,
): NonNullable<CheckoutPaymentView['closedReason']> {
  if (rejectCode === 'EXPIRED') return 'expired';
  return rejectCode === 'RISKY' ? 'risky' : 'rejected';
}
