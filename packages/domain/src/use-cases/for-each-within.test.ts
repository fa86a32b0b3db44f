import { describe, expect, it } from '@jest/globals';
import { forEachWithin } from './for-each-within';

describe('forEachWithin', () => {
  it('runs at most `concurrency` items at a time and all of them when time allows', async () => {
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    const left = await forEachWithin(
      Array.from({ length: 10 }, (_, i) => i),
      3,
      () => Number.POSITIVE_INFINITY,
      0,
      async (item) => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setImmediate(resolve));
        running -= 1;
        done.push(item);
      },
    );
    expect(left).toBe(0);
    expect(peak).toBe(3);
    expect(done.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('starts no item once the remaining time is at the stop mark, and reports what is left', async () => {
    let remaining = 10_000;
    const started: number[] = [];
    const left = await forEachWithin(
      [1, 2, 3, 4, 5],
      1,
      () => remaining,
      7_000,
      async (item) => {
        started.push(item);
        remaining -= 1_500; // each item uses 1.5 s of the invocation
      },
    );
    expect(started).toEqual([1, 2]);
    expect(left).toBe(3);
  });
});
