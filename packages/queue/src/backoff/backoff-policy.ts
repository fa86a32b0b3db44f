import { backoffDelaySeconds } from './backoff-delay-seconds';
import { maxAttemptsFor, RETRY_DEADLINE_SECONDS } from './retry-policy';

/** The retry schedule the dispatcher follows. */
export interface BackoffPolicy {
  /** Attempts after which a mutation that still fails transiently is exhausted. */
  readonly maxAttempts: number;
  /** Delay before the next try after failed attempt `attempt` (1-based). */
  delaySeconds(attempt: number, retryAfterMs?: number): number;
}

/** Options of {@link createBackoffPolicy}. */
export interface BackoffPolicyOptions {
  /** Uniform random source in [0, 1) for jitter (default `Math.random`). */
  random?: () => number;
  /** Minimum time retries keep going (default 72 h). Tests shorten it to reach exhaustion. */
  deadlineSeconds?: number;
}

/** The production schedule ({@link backoffDelaySeconds}) with a budget derived from the deadline. */
export function createBackoffPolicy(options: BackoffPolicyOptions = {}): BackoffPolicy {
  const random = options.random ?? Math.random;
  return {
    maxAttempts: maxAttemptsFor(options.deadlineSeconds ?? RETRY_DEADLINE_SECONDS),
    delaySeconds: (attempt, retryAfterMs) =>
      backoffDelaySeconds(
        attempt,
        retryAfterMs === undefined ? { random } : { random, retryAfterMs },
      ),
  };
}
