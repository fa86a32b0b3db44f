import { describe, expect, it } from '@jest/globals';
import { BASE_DELAYS_SECONDS, backoffDelaySeconds } from './backoff-delay-seconds';
import { MAX_ATTEMPTS, RETRY_DEADLINE_SECONDS, maxAttemptsFor } from './retry-policy';

const lowest = () => 0;
const highest = () => 0.999999;
const middle = () => 0.5;

describe('backoffDelaySeconds', () => {
  it('follows 0, 5, 30, 60, 300, 900, 3600, 14400 and then 14400 forever without jitter', () => {
    const delays = Array.from({ length: 12 }, (_, i) =>
      backoffDelaySeconds(i + 1, { random: middle }),
    );
    expect(delays).toEqual([0, 5, 30, 60, 300, 900, 3600, 14400, 14400, 14400, 14400, 14400]);
  });

  it('keeps jitter within ±20 %', () => {
    for (let attempt = 1; attempt <= 10; attempt++) {
      const base = BASE_DELAYS_SECONDS[Math.min(attempt, BASE_DELAYS_SECONDS.length) - 1] ?? 0;
      const low = backoffDelaySeconds(attempt, { random: lowest });
      const high = backoffDelaySeconds(attempt, { random: highest });
      expect(low).toBeGreaterThanOrEqual(Math.floor(base * 0.8));
      expect(high).toBeLessThanOrEqual(Math.ceil(base * 1.2));
      expect(high).toBeGreaterThanOrEqual(low);
    }
    expect(backoffDelaySeconds(8, { random: lowest })).toBe(11520);
    expect(backoffDelaySeconds(8, { random: highest })).toBe(17280);
  });

  it('never goes below Retry-After', () => {
    expect(backoffDelaySeconds(1, { random: lowest, retryAfterMs: 7_000 })).toBe(7);
    expect(backoffDelaySeconds(2, { random: lowest, retryAfterMs: 2_500 })).toBe(4);
    expect(backoffDelaySeconds(2, { random: lowest, retryAfterMs: 12_001 })).toBe(13);
    expect(backoffDelaySeconds(9, { random: highest, retryAfterMs: 1_000 })).toBe(17280);
  });

  it('treats a broken random source as the middle of the range', () => {
    expect(backoffDelaySeconds(3, { random: () => Number.NaN })).toBe(30);
  });
});

describe('retry budget', () => {
  it('spans at least 72 h even when every delay is jittered to its minimum', () => {
    let total = 0;
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      total += backoffDelaySeconds(attempt, { random: lowest });
    }
    expect(total).toBeGreaterThanOrEqual(RETRY_DEADLINE_SECONDS);
  });

  it('is the smallest such budget', () => {
    let total = 0;
    for (let attempt = 1; attempt < MAX_ATTEMPTS - 1; attempt++) {
      total += backoffDelaySeconds(attempt, { random: lowest });
    }
    expect(total).toBeLessThan(RETRY_DEADLINE_SECONDS);
  });

  it('grows with the deadline', () => {
    expect(maxAttemptsFor(0)).toBe(1);
    expect(maxAttemptsFor(60)).toBeLessThan(maxAttemptsFor(3600));
    expect(maxAttemptsFor(RETRY_DEADLINE_SECONDS)).toBe(MAX_ATTEMPTS);
  });
});
