import { describe, expect, it } from '@jest/globals';
import { formatFiat } from './format-fiat';

describe('formatFiat', () => {
  it('formats decimal strings exactly in the shop currency', () => {
    expect(formatFiat('49.90', 'USD', 'en-US')).toBe('$49.90');
    expect(formatFiat('49.9', 'USD', 'en-US')).toBe('$49.90');
    expect(formatFiat('0.10', 'USD', 'en-US')).toBe('$0.10');
    expect(formatFiat('1234567.89', 'EUR', 'en-US')).toBe('€1,234,567.89');
    expect(formatFiat('12345678901234.99', 'USD', 'en-US')).toBe('$12,345,678,901,234.99');
    expect(formatFiat('10', 'EUR', 'de-DE')).toMatch(/^10,00\s€$/u);
  });

  it('falls back to "<amount> <code>" for codes Intl rejects', () => {
    expect(formatFiat('5.00', 'usd!', 'en-US')).toBe('5.00 usd!');
    expect(formatFiat('5', 'NOT A CODE', 'en-US')).toBe('5 NOT A CODE');
  });
});
