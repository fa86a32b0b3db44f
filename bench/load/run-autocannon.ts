import autocannon, { type AutocannonOptions } from 'autocannon';
import type { LoadSample } from '../stats/load-sample';

/**
 * Runs one autocannon load test and reduces it to a {@link LoadSample}. Latency percentiles come
 * from autocannon's HDR histogram (milliseconds); non-2xx answers, socket errors and timeouts
 * count as failures and are left out of the latency figures (`excludeErrorStats`).
 */
export async function runAutocannon(options: AutocannonOptions): Promise<LoadSample> {
  const result = await autocannon({ excludeErrorStats: true, timeout: 30, ...options });
  const failed = result.non2xx + result.errors + result.timeouts;
  return {
    rps: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    failed,
  };
}
