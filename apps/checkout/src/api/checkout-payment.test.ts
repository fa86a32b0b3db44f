import { describe, expect, it } from '@jest/globals';
import { checkoutPaymentSchema } from './checkout-payment';

const valid = {
  status: 'OPEN',
  amount: '49.90',
  currency: 'USD',
  tokenAmount: '49.9',
  merchantName: 'Demo Shop',
  solanaPayUrl: 'solana:https://pay.example.com/tx/payment/1',
  recipient: '9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin',
  mint: 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v',
  cancelUrl: 'https://shop.example.com/checkouts/1/cancelled',
  expiresAt: '2026-11-22T07:00:00.000Z',
};

describe('checkoutPaymentSchema', () => {
  it('accepts the documented shape, with or without redirectUrl, ignoring extra keys', () => {
    expect(checkoutPaymentSchema.safeParse(valid).success).toBe(true);
    expect(checkoutPaymentSchema.safeParse({ ...valid, redirectUrl: null }).success).toBe(true);
    const parsed = checkoutPaymentSchema.safeParse({
      ...valid,
      status: 'PAID',
      redirectUrl: 'https://shop.example.com/orders/1/thank_you',
      extra: 1,
    });
    expect(parsed.success && parsed.data.redirectUrl).toBe(
      'https://shop.example.com/orders/1/thank_you',
    );
  });

  it('never lets a non-http URL through to a link or a redirect', () => {
    expect(
      checkoutPaymentSchema.safeParse({ ...valid, redirectUrl: 'javascript:alert(1)' }).success,
    ).toBe(false);
    expect(
      checkoutPaymentSchema.safeParse({ ...valid, cancelUrl: 'data:text/html,hi' }).success,
    ).toBe(false);
    expect(
      checkoutPaymentSchema.safeParse({ ...valid, solanaPayUrl: 'https://x.example' }).success,
    ).toBe(false);
  });

  it('rejects unknown statuses and non-decimal amounts', () => {
    expect(checkoutPaymentSchema.safeParse({ ...valid, status: 'LOST' }).success).toBe(false);
    expect(checkoutPaymentSchema.safeParse({ ...valid, amount: 49.9 }).success).toBe(false);
    expect(checkoutPaymentSchema.safeParse({ ...valid, tokenAmount: '1e3' }).success).toBe(false);
  });
});
