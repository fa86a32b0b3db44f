import pg from 'pg';
import { createPaymentInsertBaseline } from '../baselines/payment-insert-baseline';
import { paymentSessionBody, shopifySessionHeaders } from '../http/payment-session-body';
import { loadPlan } from '../load/load-plan';
import { runAutocannon } from '../load/run-autocannon';
import { processCpuMs } from '../stack/process-cpu-ms';
import type { BenchRow } from '../report/bench-row';
import { ratioRows } from '../report/ratio-rows';
import type { LoadSample } from '../stats/load-sample';
import { median } from '../stats/median';
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
      const cpu = { session: [] as StackCpu[], insert: [] as StackCpu[] };
      for (let run = 1; run <= ctx.runs; run += 1) {
        const sessions = await withStackCpu(ctx.stackPid, () =>
          load(concurrency, loadPlan(concurrency, ctx.durationSeconds)),
        );
        measured.push(sessions.sample);
        if (sessions.cpu) cpu.session.push(sessions.cpu);
        const inserts = await withStackCpu(ctx.stackPid, () =>
          baseline.run(concurrency, ctx.durationSeconds * 1000),
        );
        base.push(inserts.sample);
        if (inserts.cpu) cpu.insert.push(inserts.cpu);
        ctx.log(
          `${GROUP}: c=${concurrency} run ${run}/${ctx.runs}: ` +
            `${fmt(measured.at(-1), sessions.cpu)} | baseline ${fmt(base.at(-1), inserts.cpu)}`,
        );
      }
      rows.push(
        ...ratioRows(GROUP, `c=${concurrency}`, medianSample(measured), medianSample(base), {
          // Issue 13 bounds the p99 at 50 clients.
          ...(concurrency === 50 ? { p99Target: 3 } : {}),
          note: 'baseline: the same INSERT … ON CONFLICT over pg',
        }),
        ...cpuRows(`c=${concurrency}`, cpu.session, cpu.insert),
      );
    }
    return rows;
  } finally {
    await baseline.close();
  }
}

/** The stack's CPU time per completed operation of one run: the whole process, and its main thread. */
interface StackCpu {
  processMs: number;
  mainThreadMs: number;
}

/**
 * Runs `run` and charges the stack's CPU time meanwhile to its completed operations. The bare
 * INSERT runs against the stack's embedded database too, so its figure is what the database
 * alone costs the stack per statement; the session's adds the gateway, TLS, the handler and
 * Prisma. Main thread apart: it is the one event loop every in-flight invocation waits for.
 */
async function withStackCpu(
  pid: number,
  run: () => Promise<LoadSample>,
): Promise<{ sample: LoadSample; cpu?: StackCpu }> {
  const before = [processCpuMs(pid), processCpuMs(pid, pid)];
  const sample = await run();
  const after = [processCpuMs(pid), processCpuMs(pid, pid)];
  const [p0, t0] = before;
  const [p1, t1] = after;
  if (p0 === undefined || t0 === undefined || p1 === undefined || t1 === undefined)
    return { sample };
  if (sample.ok === 0) return { sample };
  return { sample, cpu: { processMs: (p1 - p0) / sample.ok, mainThreadMs: (t1 - t0) / sample.ok } };
}

function cpuRows(label: string, sessions: StackCpu[], inserts: StackCpu[]): BenchRow[] {
  const of = (runs: StackCpu[], key: keyof StackCpu) =>
    runs.length ? median(runs.map((run) => run[key])) : null;
  const ratio = (a: number | null, b: number | null) => (a === null || !b ? null : a / b);
  return (['processMs', 'mainThreadMs'] as const).map((key) => {
    const value = of(sessions, key);
    const base = of(inserts, key);
    return {
      group: GROUP,
      metric: `${label} stack CPU per request${key === 'mainThreadMs' ? ', main thread' : ''}`,
      unit: 'ms',
      value,
      baseline: base,
      ratio: ratio(value, base),
      note: 'stack process CPU (/proc) ÷ completed requests; baseline: per bare INSERT',
    } satisfies BenchRow;
  });
}

function fmt(sample: LoadSample | undefined, cpu?: StackCpu): string {
  if (!sample) return '-';
  const failed = sample.failed ? ` (${sample.failed} failed)` : '';
  const stackCpu = cpu
    ? `, stack CPU ${cpu.processMs.toFixed(2)} ms/req (main thread ${cpu.mainThreadMs.toFixed(2)})`
    : '';
  return `${sample.rps.toFixed(0)} req/s p50 ${sample.p50.toFixed(1)} ms p99 ${sample.p99.toFixed(1)} ms${failed}${stackCpu}`;
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
