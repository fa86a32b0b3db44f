/** One figure of the benchmark report. */
export interface BenchRow {
  /** What is measured, e.g. `payment session (green, mTLS)`. */
  group: string;
  /** Which figure, e.g. `c=50 p99`. */
  metric: string;
  unit: 'req/s' | 'ms' | 'KB' | 'checkouts/s' | 'round trips';
  /** Median over the runs; null when it could not be measured. */
  value: number | null;
  /** The same figure of the baseline, measured in the same run. */
  baseline?: number | null;
  /** measured ÷ baseline. */
  ratio?: number | null;
  /**
   * What the issue sets, and whether it was met: an upper bound on the ratio, or a bound on the
   * value itself (`text` says it, e.g. `≤ 250 ms`).
   */
  target?: { maxRatio: number; met: boolean } | { text: string; met: boolean };
  /** Failed operations, unavailable parts, how it was measured. */
  note?: string;
}
