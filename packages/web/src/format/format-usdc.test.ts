import { describe, expect, it } from '@jest/globals';
import { formatUsdc } from './format-usdc';

describe('formatUsdc', () => {
  it('shows 2 to 6 decimals without float drift', () => {
    expect(formatUsdc('49.9', 'en-US')).toBe('49.90 USDC');
    expect(formatUsdc('0.000001', 'en-US')).toBe('0.000001 USDC');
    expect(formatUsdc('1234567.123456', 'en-US')).toBe('1,234,567.123456 USDC');
    expect(formatUsdc('9007199254740993.123456', 'en-US')).toBe(
      '9,007,199,254,740,993.123456 USDC',
    );
  });
});
