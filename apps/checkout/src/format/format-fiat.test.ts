import { describe, expect, it } from '@jest/globals';
import { formatFiat } from './format-fiat';

describe('formatFiat', () => {
  it('formats decimal strings exactly in the shop currency', () => {
    expect(formatFiat('49.90', 'USD', 'en-US')).toBe('$49.90');
    expect(formatFiat('1234567.89', 'EUR', 'en-US')).toBe('€1,234,567.89');
    expect(formatFiat('0.10', 'USD', 'en-US')).toBe('$0.10');
  });

  it('falls back to "<amount> <code>" for codes Intl rejects', () => {
    expect(formatFiat('5.00', 'usd!', 'en-US')).toBe('5.00 usd!');
  });
});
