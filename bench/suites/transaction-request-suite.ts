import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keypair, PublicKey } from '@solana/web3.js';
import { LATENCY_PROFILES } from '@solpay/lambda';
import { runBuildTransactionBaseline } from '../baselines/build-transaction-baseline';
import { httpsJson } from '../http/https-json';
import { loadPlan } from '../load/load-plan';
import {
  prepareTransactionRequests,
  type TransactionRequests,
} from '../load/prepare-transaction-requests';
import type { BenchRow } from '../report/bench-row';
import { ratioRows } from '../report/ratio-rows';
import { readKeypair } from '../stack/read-keypair';
import { readStackTls } from '../stack/read-stack-tls';
import { spawnBenchStack } from '../stack/spawn-bench-stack';
import type { LoadSample } from '../stats/load-sample';
import { medianSample } from '../stats/median-sample';
import type { BenchContext } from './bench-context';
import { CONCURRENCIES } from './payment-session-suite';

const GROUP = 'transaction request POST /tx/payment/<id> (purple)';
/** Issue 13: with 50 ms per RPC call, the transaction request's p50 within this of 0 ms. */
const MAX_RPC_ADDED_P50_MS = 75;

/**
 * The Solana Pay transaction request `POST` with autocannon at 1 and 50 connections, each request
 * a new (payment, wallet) pair (each one serves and records one transaction), against building
 * and signing the same transaction in-process with no I/O. Under the `local` profile it also
 * measures what the production RPC latency alone adds (issue 13's +75 ms bound) against a second
 * stack that delays only the RPC.
 */
export async function runTransactionRequestSuite(ctx: BenchContext): Promise<BenchRow[]> {
  const { stack } = ctx;
  const walletFiles = stack.wallets;
  if (!walletFiles) throw new Error('the stack has no local test wallets');
  const buyer = readKeypair(walletFiles.buyer).publicKey;
  const merchant = readKeypair(walletFiles.merchant).publicKey;
  const gasKey = ctx.appEnv.GAS_KEYPAIR;
  const secret = ctx.appEnv.SINGLE_USE_SECRET;
  if (!gasKey || !secret)
    throw new Error('GAS_KEYPAIR / SINGLE_USE_SECRET not in the stack environment');
  const gas = Keypair.fromSecretKey(Uint8Array.from(JSON.parse(gasKey) as number[]));

  const requests = await prepareTransactionRequests(stack, ctx.tls);
  const baseline = (concurrency: number) =>
    runBuildTransactionBaseline(
      {
        gasSecretKey: gas.secretKey,
        singleUseSecret: secret,
        payer: buyer,
        recipient: merchant,
        mint: new PublicKey(stack.mint),
      },
      concurrency,
      ctx.durationSeconds * 1000,
    );

  ctx.log(`${GROUP}: warm-up`);
  await requests.load(4, { duration: 2 });
  const rows: BenchRow[] = [];
  // Sequential RPC round trips per request, as the local gateway counts them (DESIGN §3.8).
  const probe = requests.next();
  const served = await httpsJson(`${stack.urls.purple}${probe.path}`, {
    method: 'POST',
    body: JSON.parse(probe.body) as unknown,
    tls: { ca: ctx.tls.ca },
  });
  const status = await httpsJson(
    `${stack.urls.purple}/checkout/payments/${probe.path.split('/').at(-1) ?? ''}`,
    { method: 'GET', tls: { ca: ctx.tls.ca } },
  );
  for (const [metric, answer] of [
    ['sequential RPC round trips, POST /tx/payment/<id>', served],
    ['sequential RPC round trips, GET /checkout/payments/<id>', status],
  ] as const) {
    const counted = Number(answer.headers['x-local-rpc-round-trips']);
    rows.push({
      group: GROUP,
      metric,
      unit: 'round trips',
      value: Number.isFinite(counted) ? counted : null,
      note: `HTTP ${answer.status}; target ≤ 1`,
    });
  }
  // Before the load runs: they leave served, unpaid payments that keep this stack's background
  // workers busy, and the second stack starts fresh.
  const rpcOnly = ctx.profile === 'local' ? await rpcLatencyOnlyRows(ctx, requests) : [];
  for (const concurrency of CONCURRENCIES) {
    const measured: LoadSample[] = [];
    const base: LoadSample[] = [];
    for (let run = 1; run <= ctx.runs; run += 1) {
      measured.push(await requests.load(concurrency, loadPlan(concurrency, ctx.durationSeconds)));
      base.push(await baseline(concurrency));
      const m = measured.at(-1);
      const b = base.at(-1);
      ctx.log(
        `${GROUP}: c=${concurrency} run ${run}/${ctx.runs}: p50 ${m?.p50.toFixed(1)} ms ` +
          `p99 ${m?.p99.toFixed(1)} ms${m?.failed ? ` (${m.failed} failed)` : ''} | ` +
          `baseline p50 ${b?.p50.toFixed(2)} ms p99 ${b?.p99.toFixed(2)} ms`,
      );
    }
    rows.push(
      ...ratioRows(GROUP, `c=${concurrency}`, medianSample(measured), medianSample(base), {
        note: 'baseline: build + sign in-process, no I/O',
      }),
    );
  }
  return [...rows, ...rpcOnly];
}

/**
 * Issue 13's bound, measured directly: a second stack that adds the production profile's RPC
 * latency and nothing else (`LOCAL_RPC_LATENCY_MS`), driven at one connection alternately with
 * this one (ABBA, so both see the same machine load); the row is the difference of the medians.
 */
async function rpcLatencyOnlyRows(
  ctx: BenchContext,
  undelayed: TransactionRequests,
): Promise<BenchRow[]> {
  const rpcMs = LATENCY_PROFILES.production.rpcMs;
  const dataDir = mkdtempSync(join(tmpdir(), 'solpay-bench-rpc-'));
  ctx.log(`${GROUP}: starting a second stack with RPC latency only (+${rpcMs} ms per call) …`);
  const running = await spawnBenchStack(ctx.rootDir, dataDir, {
    ...process.env,
    LOCAL_PROFILE: 'local',
    LOCAL_RPC_LATENCY_MS: String(rpcMs),
  });
  try {
    const delayed = await prepareTransactionRequests(running.stack, readStackTls(running.stack));
    await delayed.load(4, { duration: 2 });
    const plan = loadPlan(1, ctx.durationSeconds);
    const zero: LoadSample[] = [];
    const fifty: LoadSample[] = [];
    for (let run = 1; run <= ctx.runs; run += 1) {
      const order = run % 2 === 1 ? [undelayed, delayed] : [delayed, undelayed];
      for (const requests of order) {
        (requests === delayed ? fifty : zero).push(await requests.load(1, plan));
      }
      ctx.log(
        `${GROUP}: RPC latency only, c=1 run ${run}/${ctx.runs}: p50 ` +
          `${zero.at(-1)?.p50.toFixed(1)} ms at 0 ms, ${fifty.at(-1)?.p50.toFixed(1)} ms at ${rpcMs} ms`,
      );
    }
    const at0 = medianSample(zero);
    const at50 = medianSample(fifty);
    const failed = at0.failed + at50.failed;
    const row = (metric: string, added: number, base: number, what: string): BenchRow => ({
      group: GROUP,
      metric,
      unit: 'ms',
      value: added,
      baseline: base,
      target: { text: `≤ +${MAX_RPC_ADDED_P50_MS} ms`, met: added <= MAX_RPC_ADDED_P50_MS },
      note:
        `${what}: ${(base + added).toFixed(1)} ms with ${rpcMs} ms per RPC call − ` +
        `${base.toFixed(1)} ms with none (a second stack, LOCAL_RPC_LATENCY_MS=${rpcMs}, ` +
        `alternating)${failed ? `; ${failed} failed` : ''}`,
    });
    const rows = [
      row(
        'production − local, RPC latency only: c=1 p50 added',
        at50.p50 - at0.p50,
        at0.p50,
        'client',
      ),
    ];
    if (at0.handler && at50.handler) {
      rows.push(
        row(
          'production − local, RPC latency only: c=1 handler p50 added',
          at50.handler.p50 - at0.handler.p50,
          at0.handler.p50,
          'handler',
        ),
      );
    }
    return rows;
  } finally {
    await running.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
