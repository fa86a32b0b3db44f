import { formatTokenAmount } from './format-token-amount';
import { toTokenUnits } from './to-token-units';
import { InvalidInputError } from '../errors';

describe('toTokenUnits', () => {
  it.each([
    ['0.10', 100000n],
    ['19.99', 19990000n],
    ['49.90', 49900000n],
    ['0', 0n],
    ['007.5', 7500000n],
    ['999999999999999999.999999', 999999999999999999999999n],
  ])('%s at 1:1 → %s base units (6 decimals), whichever way it rounds', (amount, expected) => {
    expect(toTokenUnits(amount, '1', 6, 'up')).toBe(expected);
    expect(toTokenUnits(amount, '1', 6, 'down')).toBe(expected);
  });

  it('rounds payments up and refunds down to the smallest unit, never half-way', () => {
    expect(toTokenUnits('0.0000001', '1', 6, 'up')).toBe(1n);
    expect(toTokenUnits('0.0000001', '1', 6, 'down')).toBe(0n);
    expect(toTokenUnits('0.9999991', '1', 6, 'up')).toBe(1000000n);
    expect(toTokenUnits('0.9999991', '1', 6, 'down')).toBe(999999n);
  });

  it('JPY (0 decimals): 1500 yen at 0.006667 USD/JPY', () => {
    // 1500 × 0.006667 = 10.0005 USDC exactly → 10000500 either way
    expect(toTokenUnits('1500', '0.006667', 6, 'up')).toBe(10000500n);
    // 1499 × 0.0066671 = 9.9939829 → up 9993983, down 9993982
    expect(toTokenUnits('1499', '0.0066671', 6, 'up')).toBe(9993983n);
    expect(toTokenUnits('1499', '0.0066671', 6, 'down')).toBe(9993982n);
  });

  it('EUR (2 decimals): 19.99 EUR at 1.0834567 USD/EUR', () => {
    // 19.99 × 1.0834567 = 21.658299433 → up 21658300, down 21658299
    expect(toTokenUnits('19.99', '1.0834567', 6, 'up')).toBe(21658300n);
    expect(toTokenUnits('19.99', '1.0834567', 6, 'down')).toBe(21658299n);
  });

  it('KWD (3 decimals): 12.345 KWD at 3.2548 USD/KWD', () => {
    // 12.345 × 3.2548 = 40.180506 exactly
    expect(toTokenUnits('12.345', '3.2548', 6, 'up')).toBe(40180506n);
    expect(toTokenUnits('12.345', '3.2548', 6, 'down')).toBe(40180506n);
    // 0.001 × 3.25487 = 0.00325487 → up 3255, down 3254
    expect(toTokenUnits('0.001', '3.25487', 6, 'up')).toBe(3255n);
    expect(toTokenUnits('0.001', '3.25487', 6, 'down')).toBe(3254n);
  });

  it('a refund of the whole payment at the locked rate is at most what was paid', () => {
    const paid = toTokenUnits('10.00', '0.729927007299270073', 6, 'up');
    const refunded = toTokenUnits('10.00', '0.729927007299270073', 6, 'down');
    expect(paid).toBe(7299271n);
    expect(refunded).toBe(7299270n);
  });

  it.each(['-1', 'NaN', '1e3', '', ' 1', '.5', '5.', '+1', '1,5', '1234567890123456789'])(
    'rejects amount %j',
    (input) => {
      expect(() => toTokenUnits(input, '1', 6, 'up')).toThrow(InvalidInputError);
    },
  );

  it('round-trips 1:1 amounts with formatTokenAmount', () => {
    for (const text of ['0.10', '19.99', '1234567.891235', '0.000001']) {
      expect(formatTokenAmount(toTokenUnits(text, '1', 6, 'up'), 6)).toBe(text);
    }
  });
});
