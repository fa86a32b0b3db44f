import type { LoadSample } from '../stats/load-sample';
import type { BenchRow } from './bench-row';

/**
 * The three rows (req/s, p50, p99) of one load figure against its baseline; `p99Target` sets the
 * issue's bound on the p99 ratio.
 */
export function ratioRows(
  group: string,
  label: string,
  measuredSample: LoadSample | null,
  baseline: LoadSample | null,
  options: { p99Target?: number; note?: string } = {},
): BenchRow[] {
  let measured = measuredSample;
  const failed = measured?.failed ?? 0;
  const total = failed + (measured?.ok ?? 0);
  // A run where nothing succeeded has no latency or throughput to report.
  if (measured && measured.ok === 0) measured = null;
  const ratio = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined || b === 0 ? null : a / b;
  const failures = failed > 0 ? `${failed} failed of ${total}` : '';
  const note = [failures, options.note].filter(Boolean).join('; ') || undefined;
  const p99Ratio = ratio(measured?.p99, baseline?.p99);
  return [
    {
      group,
      metric: `${label} throughput`,
      unit: 'req/s',
      value: measured?.rps ?? null,
      baseline: baseline?.rps ?? null,
      ratio: ratio(measured?.rps, baseline?.rps),
      ...(note ? { note } : {}),
    },
    {
      group,
      metric: `${label} p50`,
      unit: 'ms',
      value: measured?.p50 ?? null,
      baseline: baseline?.p50 ?? null,
      ratio: ratio(measured?.p50, baseline?.p50),
    },
    {
      group,
      metric: `${label} p99`,
      unit: 'ms',
      value: measured?.p99 ?? null,
      baseline: baseline?.p99 ?? null,
      ratio: p99Ratio,
      ...(options.p99Target !== undefined && p99Ratio !== null
        ? { target: { maxRatio: options.p99Target, met: p99Ratio <= options.p99Target } }
        : {}),
    },
    ...(measured?.handler
      ? handlerRows(group, label, measured.handler, baseline, options.p99Target)
      : []),
  ];
}

/**
 * The invocations' own p50/p99 (gateway's `x-local-duration-ms`) against the same baseline: the
 * figure production sees, where API Gateway terminates TLS (and mTLS) before the function runs.
 */
function handlerRows(
  group: string,
  label: string,
  handler: { p50: number; p99: number },
  baseline: LoadSample | null,
  p99Target: number | undefined,
): BenchRow[] {
  const ratio = (a: number, b: number | undefined) => (b === undefined || b === 0 ? null : a / b);
  const p99Ratio = ratio(handler.p99, baseline?.p99);
  const note = 'handler only: invocation duration, without TLS and the gateway';
  return [
    {
      group,
      metric: `${label} handler p50`,
      unit: 'ms',
      value: handler.p50,
      baseline: baseline?.p50 ?? null,
      ratio: ratio(handler.p50, baseline?.p50),
      note,
    },
    {
      group,
      metric: `${label} handler p99`,
      unit: 'ms',
      value: handler.p99,
      baseline: baseline?.p99 ?? null,
      ratio: p99Ratio,
      ...(p99Target !== undefined && p99Ratio !== null
        ? { target: { maxRatio: p99Target, met: p99Ratio <= p99Target } }
        : {}),
      note,
    },
  ];
}
