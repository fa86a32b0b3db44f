import { describe, expect, it } from '@jest/globals';
import { formatDateTime } from './format-date-time';
import { shortenMiddle } from './shorten-middle';

describe('formatters', () => {
  it('formats dates and keeps odd values readable', () => {
    expect(formatDateTime('2026-11-22T15:04:00Z', 'en-US')).toMatch(/Nov 22, 2026/);
    expect(formatDateTime(undefined)).toBe('—');
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('yesterday')).toBe('yesterday');
  });

  it('shortens long identifiers in the middle only', () => {
    expect(shortenMiddle('abcdefghijklmnop')).toBe('abcd…mnop');
    expect(shortenMiddle('abcdefghi')).toBe('abcdefghi');
    expect(shortenMiddle('abcdefghijklmnop', 6)).toBe('abcdef…klmnop');
  });
});
