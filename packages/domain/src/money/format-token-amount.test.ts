import { formatTokenAmount } from './format-token-amount';

describe('formatTokenAmount', () => {
  it.each([
    [100000n, '0.10'],
    [19990000n, '19.99'],
    [49900000n, '49.90'],
    [1n, '0.000001'],
    [0n, '0.00'],
    [1234567891235n, '1234567.891235'],
    [-1500000n, '-1.50'],
  ])('%s → %s', (units, expected) => {
    expect(formatTokenAmount(units, 6)).toBe(expected);
  });

  it('honours minFractionDigits and 0 decimals', () => {
    expect(formatTokenAmount(1000000n, 6, { minFractionDigits: 0 })).toBe('1');
    expect(formatTokenAmount(42n, 0)).toBe('42');
  });
});
