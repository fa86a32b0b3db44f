import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { runClosedLoop } from '../load/run-closed-loop';
import type { LoadSample } from '../stats/load-sample';

/** What {@link createPaymentInsertBaseline} needs. */
export interface PaymentInsertBaselineInput {
  /** The stack's database (the same one the handlers write to). */
  databaseUrl: string;
  /** The demo merchant's id and payout wallet, and the settlement mint. */
  merchantId: string;
  payoutWallet: string;
  mint: string;
}

/** The baseline of the payment session benchmark, bound to one database pool. */
export interface PaymentInsertBaseline {
  run(concurrency: number, durationMs: number): Promise<LoadSample>;
  close(): Promise<void>;
}

// The row the payment session handler writes (PrismaSessionStore.createPaymentForShop).
const INSERT = `INSERT INTO "payment_records" ("id", "merchant_id", "shopify_id", "gid", "group",
  "session_id", "kind", "amount", "currency", "token_amount", "token_mint", "token_decimals",
  "recipient_wallet", "reference_key", "test", "cancel_url", "merchant_locale", "proposed_at",
  "api_version", "customer_email", "customer_phone", "customer_data", "expires_at", "updated_at")
VALUES ($1, $2, $3, $4, $5, $6, 'SALE', $7, 'USD', $8, $9, 6, $10, $11, true, $12, 'en', now(),
  '2026-10', $13, $14, $15, now() + interval '30 minutes', now())
ON CONFLICT ("merchant_id", "shopify_id") DO NOTHING`;

/**
 * Baseline for `POST /payment`: the same single-row `INSERT … ON CONFLICT DO NOTHING` into
 * `payment_records`, sent straight to the same database over the same driver (`pg`, which
 * Prisma's adapter uses) from a pool of the same size (10), with no HTTP, TLS, validation or
 * Prisma in between.
 */
export function createPaymentInsertBaseline(
  input: PaymentInsertBaselineInput,
): PaymentInsertBaseline {
  const pool = new pg.Pool({ connectionString: input.databaseUrl, max: 10 });
  const run = (concurrency: number, durationMs: number) =>
    runClosedLoop({
      concurrency,
      durationMs,
      operation: async () => {
        const shopifyId = `baseline-${randomUUID()}`;
        await pool.query(INSERT, [
          randomUUID(),
          input.merchantId,
          shopifyId,
          `gid://shopify/PaymentSession/${shopifyId}`,
          randomBytes(32).toString('base64'),
          randomBytes(32).toString('base64'),
          '19.99',
          19_990_000n.toString(),
          input.mint,
          input.payoutWallet,
          randomBytes(32).toString('hex'),
          'https://demo-shop.myshopify.com/checkouts/cancelled',
          'buyer@example.com',
          '+15555550100',
          JSON.stringify({ locale: 'en', billing_address: { city: 'Springfield' } }),
        ]);
      },
    });
  return { run, close: () => pool.end() };
}
