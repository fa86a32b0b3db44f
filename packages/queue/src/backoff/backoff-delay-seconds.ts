/**
 * Base retry delays in seconds, indexed by the number of the attempt that just failed
 * (attempt 1 failed → retry after 0 s, attempt 2 failed → 5 s, …). The last entry repeats forever.
 */
export const BASE_DELAYS_SECONDS: readonly number[] = [0, 5, 30, 60, 300, 900, 3600, 14400];

/** Relative jitter applied to every base delay (±20 %). */
export const JITTER_RATIO = 0.2;

/** Options of {@link backoffDelaySeconds}. */
export interface BackoffOptions {
  /** Shopify's `Retry-After` (or throttle restore time) in ms; the delay is never shorter. */
  retryAfterMs?: number;
  /** Uniform random number in [0, 1); injected so tests are deterministic. */
  random: () => number;
}

/** The un-jittered delay after failed attempt number `attempt` (1-based). */
export function baseDelaySeconds(attempt: number): number {
  const index = Math.min(Math.max(attempt, 1), BASE_DELAYS_SECONDS.length) - 1;
  return BASE_DELAYS_SECONDS[index] ?? 0;
}

/**
 * How long to wait before the next try after failed attempt number `attempt` (1-based):
 * about 0 s, 5 s, 30 s, 1 min, 5 min, 15 min, 1 h, 4 h, then every 4 h, with ±20 % jitter,
 * and never less than `Retry-After`. Whole seconds (Step Functions `Wait` takes integers).
 */
export function backoffDelaySeconds(attempt: number, options: BackoffOptions): number {
  const base = baseDelaySeconds(attempt);
  const factor = 1 - JITTER_RATIO + 2 * JITTER_RATIO * clampUnit(options.random());
  const jittered = Math.round(base * factor);
  const floor = options.retryAfterMs === undefined ? 0 : Math.ceil(options.retryAfterMs / 1000);
  return Math.max(jittered, floor, 0);
}

function clampUnit(value: number): number {
  if (!Number.isFinite(value)) return 0.5;
  return Math.min(Math.max(value, 0), 1);
}
