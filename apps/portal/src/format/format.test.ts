import { describe, expect, it } from '@jest/globals';
import { formatDateTime } from './format-date-time';
import { formatFiat } from './format-fiat';
import { formatUsdc } from './format-usdc';
import { shortenMiddle } from './shorten-middle';

describe('formatters', () => {
  it('formats fiat exactly from decimal strings', () => {
    expect(formatFiat('49.9', 'USD', 'en-US')).toBe('$49.90');
    expect(formatFiat('12345678901234.99', 'USD', 'en-US')).toBe('$12,345,678,901,234.99');
    expect(formatFiat('10', 'EUR', 'de-DE')).toMatch(/^10,00\s€$/u);
    expect(formatFiat('5', 'NOT A CODE', 'en-US')).toBe('5 NOT A CODE');
  });

  it('formats USDC with 2 to 6 decimals, exactly', () => {
    expect(formatUsdc('49.9', 'en-US')).toBe('49.90 USDC');
    expect(formatUsdc('0.000001', 'en-US')).toBe('0.000001 USDC');
    expect(formatUsdc('1234567.123456', 'en-US')).toBe('1,234,567.123456 USDC');
  });

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
