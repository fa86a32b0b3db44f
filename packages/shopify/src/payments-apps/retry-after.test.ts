import { describe, expect, it } from '@jest/globals';
import { parseRetryAfterMs, throttleWaitMs } from './retry-after';

const now = new Date('2026-02-03T10:15:00Z');

describe('parseRetryAfterMs', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfterMs('5', now)).toBe(5_000);
    expect(parseRetryAfterMs('1.5', now)).toBe(1_500);
    expect(parseRetryAfterMs('Tue, 03 Feb 2026 10:16:00 GMT', now)).toBe(60_000);
  });

  it('never goes negative and ignores junk', () => {
    expect(parseRetryAfterMs('Tue, 03 Feb 2026 10:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfterMs('-3', now)).toBeUndefined();
    expect(parseRetryAfterMs(null, now)).toBeUndefined();
  });
});

describe('throttleWaitMs', () => {
  it('computes the refill time, at least one second', () => {
    const throttleStatus = { maximumAvailable: 1000, currentlyAvailable: 50, restoreRate: 50 };
    expect(throttleWaitMs({ requestedQueryCost: 200, throttleStatus })).toBe(3_000);
    expect(throttleWaitMs({ requestedQueryCost: 10, throttleStatus })).toBe(1_000);
  });

  it('returns undefined without usable data', () => {
    expect(throttleWaitMs(undefined)).toBeUndefined();
    expect(throttleWaitMs({ requestedQueryCost: 10 })).toBeUndefined();
    expect(
      throttleWaitMs({
        requestedQueryCost: 10,
        throttleStatus: { maximumAvailable: 1, currentlyAvailable: 0, restoreRate: 0 },
      }),
    ).toBeUndefined();
  });
});
