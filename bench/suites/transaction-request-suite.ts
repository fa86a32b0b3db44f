import { Keypair, PublicKey } from '@solana/web3.js';
import { fundBuyers } from '../chain/fund-buyers';
import { runBuildTransactionBaseline } from '../baselines/build-transaction-baseline';
import { createPayment } from '../http/create-payment';
import { httpsJson } from '../http/https-json';
import { loadPlan } from '../load/load-plan';
import { runAutocannon } from '../load/run-autocannon';
import type { BenchRow } from '../report/bench-row';
import { ratioRows } from '../report/ratio-rows';
import { readKeypair } from '../stack/read-keypair';
import type { LoadSample } from '../stats/load-sample';
import { medianSample } from '../stats/median-sample';
import type { BenchContext } from './bench-context';
import { CONCURRENCIES } from './payment-session-suite';

const GROUP = 'transaction request POST /tx/payment/<id> (purple)';
/** Open payments and funded wallets the requests are spread over: each (payment, wallet) pair once. */
const PAYMENTS = 120;
const WALLETS = 12;

/**
 * The Solana Pay transaction request `POST` with autocannon at 1 and 50 connections, spread over
 * {@link PAYMENTS} open payments (each request serves, simulates and records one transaction),
 * against building and signing the same transaction in-process with no I/O.
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

  // The same wallet asking twice for the same payment within one blockhash gets the very same
  // transaction; every request here uses a new (payment, wallet) pair so each one serves anew.
  const wallets = await fundBuyers(
    stack.urls.rpc,
    readKeypair(walletFiles.buyer),
    stack.mint,
    WALLETS,
    25_000_000n,
  );
  const ids: string[] = [];
  while (ids.length < PAYMENTS) {
    const batch = await Promise.all(
      Array.from({ length: 10 }, () => createPayment(stack, ctx.tls)),
    );
    ids.push(...batch.map((p) => p.paymentId));
  }
  const pairs = ids.flatMap((id) =>
    wallets.map((w) => ({
      path: `/tx/payment/${id}`,
      body: JSON.stringify({ account: w.publicKey.toBase58() }),
    })),
  );
  let next = 0;
  const load = (connections: number, plan: { duration: number } | { amount: number }) =>
    runAutocannon({
      url: stack.urls.purple,
      connections,
      ...plan,
      tlsOptions: { ca: ctx.tls.ca },
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => ({
            ...request,
            ...pairs[next++ % pairs.length],
            headers: { 'content-type': 'application/json' },
          }),
        },
      ],
    });
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
  await load(4, { duration: 2 });
  const rows: BenchRow[] = [];
  // Sequential RPC round trips per request, as the local gateway counts them (DESIGN §3.8).
  const probe = pairs[next++ % pairs.length];
  if (probe) {
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
  }
  for (const concurrency of CONCURRENCIES) {
    const measured: LoadSample[] = [];
    const base: LoadSample[] = [];
    for (let run = 1; run <= ctx.runs; run += 1) {
      measured.push(await load(concurrency, loadPlan(concurrency, ctx.durationSeconds)));
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
  return rows;
}
