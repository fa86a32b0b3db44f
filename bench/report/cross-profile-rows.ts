import type { BenchRow } from './bench-row';

/** Issue 13: with 50 ms per RPC call, the transaction request's p50 within this of 0 ms. */
const MAX_ADDED_P50_MS = 75;

const find = (rows: readonly BenchRow[], profile: string, group: string, metric: string) =>
  rows.find((row) => row.group === `[${profile}] ${group}` && row.metric === metric)?.value;

/**
 * Figures that compare the two latency profiles of one run: how much the production profile's
 * per-call latency adds to the transaction request's p50 at one client (at most one sequential
 * RPC round trip should cost about one RPC latency). Empty unless both profiles ran.
 */
export function crossProfileRows(rows: readonly BenchRow[]): BenchRow[] {
  const group = 'transaction request POST /tx/payment/<id> (purple)';
  const local = find(rows, 'local', group, 'c=1 p50');
  const production = find(rows, 'production', group, 'c=1 p50');
  if (local === undefined || production === undefined || local === null || production === null) {
    return [];
  }
  const added = production - local;
  return [
    {
      group: 'production profile vs local profile (same run)',
      metric: 'POST /tx/payment/<id> c=1 p50 added by 50 ms per RPC call',
      unit: 'ms',
      value: added,
      baseline: local,
      target: { text: `≤ +${MAX_ADDED_P50_MS} ms`, met: added <= MAX_ADDED_P50_MS },
      note: `production p50 ${production.toFixed(1)} ms − local p50 ${local.toFixed(1)} ms`,
    },
  ];
}
