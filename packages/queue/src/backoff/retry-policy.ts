import { baseDelaySeconds, JITTER_RATIO } from './backoff-delay-seconds';

/** Retries keep going for at least this long after the first attempt (72 h). */
export const RETRY_DEADLINE_SECONDS = 72 * 60 * 60;

/**
 * The number of attempts that guarantees at least `deadlineSeconds` between the first and the
 * last attempt, even when every delay is jittered to its minimum (-20 %). A mutation whose
 * attempt number `maxAttempts` fails transiently is exhausted.
 */
export function maxAttemptsFor(deadlineSeconds: number = RETRY_DEADLINE_SECONDS): number {
  let elapsed = 0;
  let attempts = 1;
  while (elapsed < deadlineSeconds) {
    elapsed += Math.round(baseDelaySeconds(attempts) * (1 - JITTER_RATIO));
    attempts += 1;
  }
  return attempts;
}

/** Attempt budget of the default 72 h retry deadline. */
export const MAX_ATTEMPTS = maxAttemptsFor(RETRY_DEADLINE_SECONDS);
