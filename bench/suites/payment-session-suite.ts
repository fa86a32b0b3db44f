import pg from 'pg';
import { createPaymentInsertBaseline } from '../baselines/payment-insert-baseline';
import { paymentSessionBody, shopifySessionHeaders } from '../http/payment-session-body';
import { loadPlan } from '../load/load-plan';
import { runAutocannon } from '../load/run-autocannon';
import type { BenchRow } from '../report/bench-row';
import { ratioRows } from '../report/ratio-rows';
import type { LoadSample } from '../stats/load-sample';
import { medianSample } from '../stats/median-sample';
import type { BenchContext } from './bench-context';

const GROUP = 'payment session POST /payment (green, mTLS)';

/** The concurrencies the issue asks for. */
export const CONCURRENCIES = [1, 50] as const;

/**
 * `POST /payment` over mTLS with autocannon (a fresh Shopify `id` per request, so every request
 * inserts), at 1 and 50 connections, against the same `INSERT … ON CONFLICT` sent straight to the
 * database over `pg` at the same concurrency. Runs alternate measured/baseline so both see the
 * same machine load; each figure is the median of `runs`.
 */
export async function runPaymentSessionSuite(ctx: BenchContext): Promise<BenchRow[]> {
  const { stack } = ctx;
  const merchant = await demoMerchant(stack.databaseUrl, stack.demoShop);
  const baseline = createPaymentInsertBaseline({
    // The handlers' database URL: under the production profile it goes through the proxy that
    // adds RDS's round-trip time, and the baseline must pay it too to be the same insert.
    databaseUrl: ctx.appEnv.DATABASE_URL ?? stack.databaseUrl,
    merchantId: merchant.id,
    payoutWallet: merchant.payoutWallet,
    mint: stack.mint,
  });
  const load = (connections: number, plan: { duration: number } | { amount: number }) =>
    runAutocannon({
      url: stack.urls.green,
      connections,
      ...plan,
      tlsOptions: { ca: ctx.tls.ca, cert: ctx.tls.cert, key: ctx.tls.key },
      requests: [
        {
          method: 'POST',
          path: '/payment',
          setupRequest: (request) => ({
            ...request,
            headers: shopifySessionHeaders(stack.demoShop, stack.shopify.apiVersion),
            body: JSON.stringify(paymentSessionBody()),
          }),
        },
      ],
    });
  try {
    ctx.log(`${GROUP}: warm-up`);
    await load(4, { duration: 2 });
    const rows: BenchRow[] = [];
    for (const concurrency of CONCURRENCIES) {
      const measured: LoadSample[] = [];
      const base: LoadSample[] = [];
      for (let run = 1; run <= ctx.runs; run += 1) {
        measured.push(await load(concurrency, loadPlan(concurrency, ctx.durationSeconds)));
        base.push(await baseline.run(concurrency, ctx.durationSeconds * 1000));
        ctx.log(
          `${GROUP}: c=${concurrency} run ${run}/${ctx.runs}: ` +
            `${fmt(measured.at(-1))} | baseline ${fmt(base.at(-1))}`,
        );
      }
      rows.push(
        ...ratioRows(GROUP, `c=${concurrency}`, medianSample(measured), medianSample(base), {
          // Issue 13 bounds the p99 at 50 clients.
          ...(concurrency === 50 ? { p99Target: 3 } : {}),
          note: 'baseline: the same INSERT … ON CONFLICT over pg',
        }),
      );
    }
    return rows;
  } finally {
    await baseline.close();
  }
}

function fmt(sample: LoadSample | undefined): string {
  if (!sample) return '-';
  const failed = sample.failed ? ` (${sample.failed} failed)` : '';
  return `${sample.rps.toFixed(0)} req/s p50 ${sample.p50.toFixed(1)} ms p99 ${sample.p99.toFixed(1)} ms${failed}`;
}

async function demoMerchant(
  databaseUrl: string,
  shop: string,
): Promise<{ id: string; payoutWallet: string }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; payout_wallet: string }>(
      'SELECT id, payout_wallet FROM merchants WHERE shop_domain = $1',
      [shop],
    );
    const row = rows[0];
    if (!row) throw new Error(`The demo merchant ${shop} is missing`);
    return { id: row.id, payoutWallet: row.payout_wallet };
  } finally {
    await client.end();
  }
}
