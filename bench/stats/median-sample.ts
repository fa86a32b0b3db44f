import type { LoadSample } from './load-sample';
import { median } from './median';

/** Field-by-field median of several runs (failures are summed, so none hide). */
export function medianSample(samples: readonly LoadSample[]): LoadSample {
  return {
    rps: median(samples.map((s) => s.rps)),
    p50: median(samples.map((s) => s.p50)),
    p99: median(samples.map((s) => s.p99)),
    ok: samples.reduce((sum, s) => sum + s.ok, 0),
    failed: samples.reduce((sum, s) => sum + s.failed, 0),
    ...(samples.every((s) => s.handler)
      ? {
          handler: {
            p50: median(samples.map((s) => s.handler?.p50 ?? Number.NaN)),
            p99: median(samples.map((s) => s.handler?.p99 ?? Number.NaN)),
          },
        }
      : {}),
  };
}
