import autocannon, { type AutocannonOptions } from 'autocannon';
import { DURATION_HEADER } from '../../apps/local/src/gateway/start-gateway';
import type { LoadSample } from '../stats/load-sample';
import { percentile } from '../stats/percentile';

/**
 * Runs one autocannon load test and reduces it to a {@link LoadSample}. Latency percentiles come
 * from autocannon's HDR histogram (milliseconds); non-2xx answers, socket errors and timeouts
 * count as failures and are left out of the latency figures (`excludeErrorStats`). Where the
 * local gateway answers, `handler` holds the invocations' own duration percentiles.
 */
export async function runAutocannon(options: AutocannonOptions): Promise<LoadSample> {
  // The local gateway reports each invocation's own duration; collect it from 2xx answers.
  const durations: number[] = [];
  const requests = options.requests?.map((request) => ({
    ...request,
    onResponse: (
      status: number,
      body: string,
      context: Record<string, unknown>,
      headers: Record<string, string>,
    ) => {
      const duration = Number(headers[DURATION_HEADER]);
      if (status >= 200 && status < 300 && Number.isFinite(duration)) durations.push(duration);
      request.onResponse?.(status, body, context, headers);
    },
  }));
  const result = await autocannon({
    excludeErrorStats: true,
    timeout: 30,
    ...options,
    ...(requests ? { requests } : {}),
  });
  const failed = result.non2xx + result.errors + result.timeouts;
  return {
    rps: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    failed,
    ...(durations.length > 0
      ? { handler: { p50: percentile(durations, 50), p99: percentile(durations, 99) } }
      : {}),
  };
}
