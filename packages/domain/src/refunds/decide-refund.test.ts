import { describe, expect, it } from '@jest/globals';
import { decideRefund } from './decide-refund';
import type { RefundablePayment } from './refund-decision';

const payment: RefundablePayment = {
  id: 'p1',
  status: 'PAID',
  currency: 'USD',
  tokenAmount: 10_000_000n,
  tokenMint: 'mint',
  buyerWallet: 'buyer',
  test: true,
};
const base = {
  payment,
  shopifyPaymentId: 'pay-1',
  currency: 'USD',
  test: true,
  tokenAmount: 4_000_000n,
  decimals: 6,
  committedRefunds: 0n,
};

describe('decideRefund', () => {
  it('accepts up to exactly what is left, paying the buyer wallet back', () => {
    expect(decideRefund(base)).toEqual({ accept: true, recipientWallet: 'buyer' });
    expect(
      decideRefund({ ...base, tokenAmount: 6_000_000n, committedRefunds: 4_000_000n }),
    ).toEqual({
      accept: true,
      recipientWallet: 'buyer',
    });
  });

  it('rejects one base unit more than what is left', () => {
    expect(
      decideRefund({ ...base, tokenAmount: 6_000_001n, committedRefunds: 4_000_000n }),
    ).toEqual({
      accept: false,
      merchantMessage:
        'The refund of 6.000001 USDC is more than the 6.00 USDC left to refund on this payment',
    });
  });

  it.each([
    ['an unknown payment', { payment: null }, /No Solana Pay payment pay-1/],
    ['an unpaid payment', { payment: { ...payment, status: 'OPEN' as const } }, /never completed/],
    ['a payment without payer', { payment: { ...payment, buyerWallet: null } }, /never completed/],
    ['another currency', { currency: 'EUR' }, /EUR differs/],
    ['test vs live', { test: false }, /Test and live/],
    ['a zero amount', { tokenAmount: 0n }, /greater than zero/],
  ])('rejects %s', (_what, overrides, message) => {
    const decision = decideRefund({ ...base, ...overrides });
    expect(decision.accept).toBe(false);
    expect(decision.accept ? '' : decision.merchantMessage).toMatch(message);
  });
});
