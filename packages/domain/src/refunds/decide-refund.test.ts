import { describe, expect, it } from '@jest/globals';
import { decideRefund } from './decide-refund';
import type { RefundablePayment } from './refund-decision';

const payment: RefundablePayment = {
  id: 'p1',
  status: 'PAID',
  amount: '10.00',
  currency: 'USD',
  tokenAmount: 10_000_000n,
  tokenMint: 'mint',
  tokenDecimals: 6,
  tokenSymbol: 'USDC',
  tokenProgram: 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA',
  quoteRate: null,
  buyerWallet: 'buyer',
  test: true,
};
const base = {
  payment,
  shopifyPaymentId: 'pay-1',
  amount: '4.00',
  currency: 'USD',
  test: true,
  committedRefunds: '0',
};

describe('decideRefund', () => {
  it('accepts up to exactly what is left, paying the buyer wallet back 1:1', () => {
    expect(decideRefund(base)).toEqual({
      accept: true,
      recipientWallet: 'buyer',
      tokenAmount: 4_000_000n,
    });
    expect(decideRefund({ ...base, amount: '6.00', committedRefunds: '4.000000' })).toEqual({
      accept: true,
      recipientWallet: 'buyer',
      tokenAmount: 6_000_000n,
    });
  });

  it('rejects one cent more than what is left (the rule is in fiat)', () => {
    expect(decideRefund({ ...base, amount: '6.01', committedRefunds: '4' })).toEqual({
      accept: false,
      tokenAmount: 6_010_000n,
      merchantMessage:
        'The refund of 6.01 USD is more than the 6.00 USD left to refund on this payment',
    });
  });

  it('pays a converted payment back at its locked rate, rounded down', () => {
    const cad = { ...payment, currency: 'CAD', quoteRate: '0.729927007299270073' };
    const partial = decideRefund({ ...base, payment: cad, currency: 'CAD', amount: '4.00' });
    // 4 × 0.729927007299270073 = 2.919708029197080292 → 2919708 base units (down)
    expect(partial).toEqual({ accept: true, recipientWallet: 'buyer', tokenAmount: 2_919_708n });
    const full = decideRefund({ ...base, payment: cad, currency: 'CAD', amount: '10.00' });
    expect(full.tokenAmount).toBe(7_299_270n);
  });

  it('refuses a refund too small to be one token unit at the rate', () => {
    const jpy = { ...payment, currency: 'JPY', amount: '1500', quoteRate: '0.0000001' };
    const decision = decideRefund({ ...base, payment: jpy, currency: 'JPY', amount: '1' });
    expect(decision.accept ? '' : decision.merchantMessage).toMatch(/smallest USDC unit/);
  });

  it.each([
    ['an unknown payment', { payment: null }, /No Solana Pay payment pay-1/],
    ['an unpaid payment', { payment: { ...payment, status: 'OPEN' as const } }, /never completed/],
    ['a payment without payer', { payment: { ...payment, buyerWallet: null } }, /never completed/],
    ['another currency', { currency: 'EUR' }, /EUR differs/],
    ['test vs live', { test: false }, /Test and live/],
    ['a zero amount', { amount: '0.00' }, /greater than zero/],
  ])('rejects %s', (_what, overrides, message) => {
    const decision = decideRefund({ ...base, ...overrides });
    expect(decision.accept).toBe(false);
    expect(decision.accept ? '' : decision.merchantMessage).toMatch(message);
  });
});
