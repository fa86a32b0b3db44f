import { LATENCY_PROFILES } from '@solpay/lambda';
import type { BenchRow } from './bench-row';

const find = (rows: readonly BenchRow[], profile: string, group: string, metric: string) =>
  rows.find((row) => row.group === `[${profile}] ${group}` && row.metric === metric)?.value;

/**
 * How much the whole production profile adds to the transaction request's p50 at one client
 * (RPC, screening and database latency together), from the two profiles of one run. Issue 13's
 * +75 ms bound is on the RPC latency alone: the transaction request suite measures that itself
 * (`RPC latency only` rows). Empty unless both profiles ran.
 */
export function crossProfileRows(rows: readonly BenchRow[]): BenchRow[] {
  const group = 'transaction request POST /tx/payment/<id> (purple)';
  const local = find(rows, 'local', group, 'c=1 p50');
  const production = find(rows, 'production', group, 'c=1 p50');
  if (local === undefined || production === undefined || local === null || production === null) {
    return [];
  }
  const { rpcMs, screeningMs, databaseMs } = LATENCY_PROFILES.production;
  return [
    {
      group: 'production profile vs local profile (same run)',
      metric: 'POST /tx/payment/<id> c=1 p50 added by the production profile',
      unit: 'ms',
      value: production - local,
      baseline: local,
      note:
        `production ${production.toFixed(1)} ms − local ${local.toFixed(1)} ms: ${rpcMs} ms per ` +
        `RPC call, screening (+${screeningMs} ms, in parallel with the chain read) and ` +
        `+${databaseMs} ms per database round trip; the RPC part alone is the tx suite's ` +
        `"RPC latency only" row`,
    },
  ];
}
