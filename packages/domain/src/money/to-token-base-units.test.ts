import { ValidationError } from '@solpay/lambda';
import { formatTokenAmount } from './format-token-amount';
import { toTokenBaseUnits } from './to-token-base-units';

describe('toTokenBaseUnits', () => {
  it.each([
    ['0.10', 100000n],
    ['19.99', 19990000n],
    ['49.90', 49900000n],
    ['0', 0n],
    ['1', 1000000n],
    ['007.5', 7500000n],
    ['1234567.891234567', 1234567891235n],
    ['1234567.8912344', 1234567891234n],
    ['0.0000005', 1n],
    ['0.00000049', 0n],
    ['0.9999995', 1000000n],
    ['999999999999999999.999999', 999999999999999999999999n],
  ])('%s → %s base units (6 decimals, half up)', (input, expected) => {
    expect(toTokenBaseUnits(input, 6)).toBe(expected);
  });

  it('handles 0 and 2 decimals', () => {
    expect(toTokenBaseUnits('2.5', 0)).toBe(3n);
    expect(toTokenBaseUnits('2.4', 0)).toBe(2n);
    expect(toTokenBaseUnits('2.345', 2)).toBe(235n);
  });

  it.each([
    '-1',
    '-0.10',
    'NaN',
    '1e3',
    '1E-2',
    '',
    ' 1',
    '1 ',
    '.5',
    '5.',
    '+1',
    '1,5',
    'Infinity',
    '0x10',
    '1234567890123456789',
  ])('rejects %j', (input) => {
    expect(() => toTokenBaseUnits(input, 6)).toThrow(ValidationError);
  });

  it('accepts 18 integer digits but not 19', () => {
    expect(toTokenBaseUnits('123456789012345678', 6)).toBe(123456789012345678000000n);
    expect(() => toTokenBaseUnits('1234567890123456789', 6)).toThrow('too large');
  });

  it('rejects non-integer decimals', () => {
    expect(() => toTokenBaseUnits('1', 1.5)).toThrow(RangeError);
  });
});

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

  it('round-trips with toTokenBaseUnits', () => {
    for (const text of ['0.10', '19.99', '49.90', '1234567.891235', '0.000001']) {
      expect(formatTokenAmount(toTokenBaseUnits(text, 6), 6)).toBe(text);
    }
  });

  it('honours minFractionDigits and 0 decimals', () => {
    expect(formatTokenAmount(1000000n, 6, { minFractionDigits: 0 })).toBe('1');
    expect(formatTokenAmount(42n, 0)).toBe('42');
  });
});
