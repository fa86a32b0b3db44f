import { describe, expect, it } from '@jest/globals';
import type { CheckoutPayment } from '../api/checkout-payment';
import { screenFor } from './screen-for';

const now = Date.parse('2026-11-22T07:00:00Z');
const payment = (over: Partial<CheckoutPayment>): CheckoutPayment => ({
  status: 'OPEN',
  amount: '10.00',
  currency: 'USD',
  tokenAmount: '10',
  merchantName: 'Shop',
  solanaPayUrl: 'solana:https://pay.example.com/tx/payment/1',
  recipient: 'r',
  mint: 'm',
  cancelUrl: 'https://shop.example.com/cancel',
  expiresAt: '2026-11-22T07:15:00Z',
  ...over,
});

describe('screenFor', () => {
  it('maps 404 and failures', () => {
    expect(screenFor({ ok: false, reason: 'not-found' }, now)).toEqual({ kind: 'not-found' });
    expect(screenFor({ ok: false, reason: 'failed', message: 'down' }, now)).toEqual({
      kind: 'error',
      message: 'down',
    });
  });

  it('maps 410 (the shop stopped using the app) to a final screen with the server message', () => {
    expect(screenFor({ ok: false, reason: 'gone', message: 'closed for good' }, now)).toEqual({
      kind: 'gone',
      message: 'closed for good',
    });
  });

  it('shows the form while OPEN, even just past expiry (the server decides)', () => {
    expect(screenFor({ ok: true, payment: payment({}) }, now).kind).toBe('open');
    const late = payment({ expiresAt: '2026-11-22T06:59:00Z' });
    expect(screenFor({ ok: true, payment: late }, now).kind).toBe('open');
  });

  it('PAID shows the result, with the redirect once Shopify gave one', () => {
    expect(screenFor({ ok: true, payment: payment({ status: 'PAID' }) }, now)).toMatchObject({
      kind: 'paid',
      redirectUrl: undefined,
    });
    const paid = payment({ status: 'PAID', redirectUrl: 'https://shop.example.com/thanks' });
    expect(screenFor({ ok: true, payment: paid }, now)).toMatchObject({
      kind: 'paid',
      redirectUrl: 'https://shop.example.com/thanks',
    });
  });

  it('REJECTING/REJECTED read as expired after expiresAt, else as rejected', () => {
    for (const status of ['REJECTING', 'REJECTED'] as const) {
      const expired = payment({ status, expiresAt: '2026-11-22T06:00:00Z' });
      expect(screenFor({ ok: true, payment: expired }, now)).toMatchObject({
        kind: 'closed',
        reason: 'expired',
      });
      expect(screenFor({ ok: true, payment: payment({ status }) }, now)).toMatchObject({
        kind: 'closed',
        reason: 'rejected',
      });
    }
  });

  it("follows the server's closedReason over the clock when it gives one", () => {
    const past = '2026-11-22T06:00:00Z';
    const expired = payment({ status: 'REJECTED', closedReason: 'expired' });
    expect(screenFor({ ok: true, payment: expired }, now)).toMatchObject({ reason: 'expired' });
    for (const closedReason of ['risky', 'rejected'] as const) {
      const rejected = payment({ status: 'REJECTED', closedReason, expiresAt: past });
      expect(screenFor({ ok: true, payment: rejected }, now)).toMatchObject({ reason: 'rejected' });
    }
  });
});
