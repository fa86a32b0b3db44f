import { formatTokenAmount } from './format-token-amount';
import { toTokenBaseUnits } from './to-token-base-units';

describe('toTokenBaseUnits', () => {
  it.each([
    ['0.10', 100000n],
    ['19.99', 19990000n],
    ['49.90', 49900000n],
    ['1', 1000000n],
    ['0', 0n],
    ['1234567.891234567', 1234567891235n],
    ['0.0000004', 0n],
    ['0.0000005', 1n],
    ['999999999999999999.999999', 999999999999999999999999n],
  ])('%s → %s base units (6 decimals)', (amount, expected) => {
    expect(toTokenBaseUnits(amount, 6)).toBe(expected);
  });

  it.each(['-1', '1e3', '1,00', '', '.5', '5.', ' 1', 'NaN', '1234567890123456789'])(
    'rejects %j',
    (amount) => {
      expect(() => toTokenBaseUnits(amount, 6)).toThrow(RangeError);
    },
  );
});

describe('formatTokenAmount', () => {
  it.each([
    [19990000n, '19.99'],
    [100000n, '0.10'],
    [1n, '0.000001'],
    [0n, '0.00'],
    [1234567891235n, '1234567.891235'],
  ])('%s → %s', (units, expected) => {
    expect(formatTokenAmount(units, 6)).toBe(expected);
  });

  it('round-trips with toTokenBaseUnits', () => {
    for (const units of [0n, 1n, 99n, 100000n, 19990000n, 123456789012345n]) {
      expect(toTokenBaseUnits(formatTokenAmount(units, 6), 6)).toBe(units);
    }
  });
});
