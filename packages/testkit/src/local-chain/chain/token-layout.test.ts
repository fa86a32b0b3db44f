import { describe, expect, it } from '@jest/globals';
import { toUiTokenAmount } from './token-layout';

describe('toUiTokenAmount', () => {
  it('formats base units like agave (trailing zeros trimmed)', () => {
    expect(toUiTokenAmount(0n, 6)).toEqual({
      amount: '0',
      decimals: 6,
      uiAmount: 0,
      uiAmountString: '0',
    });
    expect(toUiTokenAmount(1_500_000n, 6).uiAmountString).toBe('1.5');
    expect(toUiTokenAmount(1_000_000n, 6).uiAmountString).toBe('1');
    expect(toUiTokenAmount(12_340_001n, 6).uiAmountString).toBe('12.340001');
    expect(toUiTokenAmount(7n, 6).uiAmountString).toBe('0.000007');
    expect(toUiTokenAmount(42n, 0).uiAmountString).toBe('42');
  });
});
