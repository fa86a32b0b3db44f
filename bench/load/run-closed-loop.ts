import { percentile } from '../stats/percentile';
import type { LoadSample } from '../stats/load-sample';

/** Options of {@link runClosedLoop}. */
export interface ClosedLoopOptions {
  /** Workers running `operation` back to back. */
  concurrency: number;
  /** How long to run. */
  durationMs: number;
  /** One operation; a rejection counts as a failure. `index` is unique across workers. */
  operation: (index: number) => Promise<void>;
}

/**
 * Runs `operation` from `concurrency` workers back to back for `durationMs` (the closed-loop
 * model autocannon uses: each worker sends its next request when the previous one answered), and
 * reports throughput and latency percentiles. Used for the in-process baselines, which have no
 * HTTP endpoint for autocannon to drive.
 */
export async function runClosedLoop(options: ClosedLoopOptions): Promise<LoadSample> {
  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  const worker = async () => {
    while (performance.now() < deadline) {
      const index = next++;
      const t0 = performance.now();
      try {
        await options.operation(index);
        latencies.push(performance.now() - t0);
      } catch {
        failed += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return {
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    ok: latencies.length,
    failed,
  };
}
