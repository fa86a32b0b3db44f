import { describe, expect, it } from '@jest/globals';
import { isTimestampFresh } from './is-timestamp-fresh';

const now = new Date('2026-02-03T10:15:00Z');
const nowSeconds = now.getTime() / 1000;

describe('isTimestampFresh', () => {
  it('accepts timestamps within 90 s either way', () => {
    expect(isTimestampFresh(String(nowSeconds), now)).toBe(true);
    expect(isTimestampFresh(String(nowSeconds - 90), now)).toBe(true);
    expect(isTimestampFresh(nowSeconds + 90, now)).toBe(true);
  });

  it('rejects stale, future and malformed timestamps', () => {
    expect(isTimestampFresh(String(nowSeconds - 600), now)).toBe(false);
    expect(isTimestampFresh(String(nowSeconds - 91), now)).toBe(false);
    expect(isTimestampFresh(String(nowSeconds + 91), now)).toBe(false);
    expect(isTimestampFresh('1770113700.5', now)).toBe(false);
    expect(isTimestampFresh('abc', now)).toBe(false);
    expect(isTimestampFresh('', now)).toBe(false);
    expect(isTimestampFresh(undefined, now)).toBe(false);
  });

  it('honours a custom tolerance', () => {
    expect(isTimestampFresh(String(nowSeconds - 300), now, 600)).toBe(true);
  });
});
