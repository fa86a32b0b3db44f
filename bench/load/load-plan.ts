/**
 * How long one load run lasts: a fixed duration at one connection; at higher concurrency a fixed
 * number of requests (3 per connection), so every connection contributes steady-state latencies
 * even when the server answers only a few requests per second.
 */
export function loadPlan(
  concurrency: number,
  durationSeconds: number,
): { duration: number } | { amount: number } {
  return concurrency === 1 ? { duration: durationSeconds } : { amount: concurrency * 3 };
}
