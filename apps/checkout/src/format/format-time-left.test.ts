import { describe, expect, it } from '@jest/globals';
import { formatTimeLeft } from './format-time-left';

describe('formatTimeLeft', () => {
  const now = Date.parse('2026-11-22T07:00:00Z');
  it('counts down in human units', () => {
    expect(formatTimeLeft('2026-11-22T07:14:59Z', now)).toBe('14 minutes');
    expect(formatTimeLeft('2026-11-22T07:01:00Z', now)).toBe('1 minute');
    expect(formatTimeLeft('2026-11-22T07:00:30Z', now)).toBe('less than a minute');
    expect(formatTimeLeft('2026-11-22T09:05:00Z', now)).toBe('2 hours 5 minutes');
    expect(formatTimeLeft('2026-11-22T08:00:00Z', now)).toBe('1 hour');
  });
  it('is undefined once passed or unreadable', () => {
    expect(formatTimeLeft('2026-11-22T07:00:00Z', now)).toBeUndefined();
    expect(formatTimeLeft('not a date', now)).toBeUndefined();
  });
});
