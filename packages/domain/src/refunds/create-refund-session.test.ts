import { describe, expect, it } from '@jest/globals';
import { UnknownRecordError } from '../errors';
import { FX_FEEDS } from '../money/fx-feeds';
import type { RefundSessionRequest } from '../sessions/payment-session-request';
import { createInMemoryWorld, sessionHeaders, TEST_MINTS } from '../testing';
import { serveTransaction } from '../use-cases/serve-transaction';
import { settleSignature } from '../use-cases/settle-signature';
import { createRefundSession } from './create-refund-session';

const BUYER = 'BuyerWa11et11111111111111111111111111111111';
const CAD_FEED = FX_FEEDS.CAD?.id as string;

/** A shop with one payment the buyer paid (in `currency`), settled and resolved. */
async function paidPayment(amount = '25.00', currency = 'USD') {
  const world = createInMemoryWorld();
  const shop = world.addShop();
  world.oracle.publish({
    feedId: CAD_FEED,
    price: 137_000n, // 1 USD = 1.37 CAD
    conf: 10n,
    exponent: -5,
    publishTime: Math.floor(world.clock.now().getTime() / 1000) - 2,
    fullyVerified: true,
  });
  const paymentId = await world.openPayment(shop, { id: 'pay-1', amount, currency });
  world.chain.fund(BUYER, TEST_MINTS.USDC, 1_000_000_000n);
  const served = await serveTransaction(world.engine, {
    kind: 'payment',
    recordId: paymentId,
    account: BUYER,
  });
  const signature = world.chain.pay(served.transaction);
  expect(await settleSignature(world.engine, signature)).toMatchObject({ outcome: 'paid' });
  const refund = (id: string, refundAmount: string, refundCurrency = currency) =>
    createRefundSession(world.refundSessionDeps, sessionHeaders(shop.shopDomain), {
      id,
      gid: `gid://shopify/RefundSession/${id}`,
      payment_id: 'pay-1',
      amount: refundAmount,
      currency: refundCurrency,
      test: true,
    } satisfies RefundSessionRequest);
  const rejectsTold = (refundId: string) =>
    world.dispatch.deliveredFor({ kind: 'REFUND_SESSION_REJECT', refundId });
  return { world, shop, paymentId, refund, rejectsTold };
}

describe('createRefundSession', () => {
  it('accepts a refund within what was paid: OPEN, to the buyer wallet, in the payment token, Shopify told nothing yet', async () => {
    const { world, refund } = await paidPayment();

    const stored = await refund('r1', '10.00');

    expect(stored).toMatchObject({ created: true, status: 'OPEN' });
    expect(world.db.refunds.get(stored.refundId)).toMatchObject({
      tokenAmount: 10_000_000n,
      tokenMint: TEST_MINTS.USDC,
      recipientWallet: BUYER,
    });
    expect(world.dispatch.deliveredFor({ refundId: stored.refundId })).toEqual([]);
  });

  it('refuses an over-refund in fiat: what is left is the paid amount minus every open or paid refund', async () => {
    const { world, refund, rejectsTold } = await paidPayment('25.00', 'USD');
    expect((await refund('r1', '10.00')).status).toBe('OPEN');
    expect((await refund('r2', '15.00')).status).toBe('OPEN');

    const over = await refund('r3', '0.01');

    expect(over).toMatchObject({ created: true, status: 'REJECTED' });
    expect(world.db.refunds.get(over.refundId)).toMatchObject({ recipientWallet: null });
    expect(rejectsTold(over.refundId)).toEqual([
      expect.objectContaining({
        variables: expect.objectContaining({
          reason: {
            code: 'PROCESSING_ERROR',
            merchantMessage:
              'The refund of 0.01 USD is more than the 0.00 USD left to refund on this payment',
          },
        }),
      }),
    ]);
  });

  it('refuses two concurrent refunds that together exceed the payment: one is accepted, the other rejected', async () => {
    const { world, refund } = await paidPayment('25.00', 'USD');

    const results = await Promise.all([refund('r1', '15.00'), refund('r2', '15.00')]);

    expect(results.map((result) => result.status).sort()).toEqual(['OPEN', 'REJECTED']);
    const open = [...world.db.refunds.values()].filter((row) => row.status === 'OPEN');
    expect(open.map((row) => row.tokenAmount)).toEqual([15_000_000n]);
  });

  it('pays a converted payment back at its locked rate, rounded down, and keeps the fiat rule: not a cent more than was paid', async () => {
    const { world, paymentId, refund } = await paidPayment('10.00', 'CAD');
    expect(world.db.payments.get(paymentId)).toMatchObject({
      quoteRate: '0.729927007299270073',
      tokenAmount: 7_299_271n, // the buyer paid rounded up
    });
    const readsBefore = world.oracle.reads.length;
    // The market moved since: the refund must not care.
    world.oracle.publish({
      feedId: CAD_FEED,
      price: 120_000n,
      conf: 10n,
      exponent: -5,
      publishTime: Math.floor(world.clock.now().getTime() / 1000),
      fullyVerified: true,
    });

    const partial = await refund('r1', '4.00');
    const rest = await refund('r2', '6.00');
    const over = await refund('r3', '0.01');

    expect(world.db.refunds.get(partial.refundId)?.tokenAmount).toBe(2_919_708n);
    expect(world.db.refunds.get(rest.refundId)?.tokenAmount).toBe(4_379_562n);
    expect(over.status).toBe('REJECTED');
    expect(world.oracle.reads).toHaveLength(readsBefore);
    // Refunds never return more tokens than the buyer paid.
    expect(2_919_708n + 4_379_562n).toBeLessThanOrEqual(7_299_271n);
  });

  it('answers a repeated refund id from the stored row: one refund, and a rejection told to Shopify once', async () => {
    const { world, refund, rejectsTold } = await paidPayment('25.00', 'USD');

    const first = await refund('r1', '5.00');
    const again = await refund('r1', '5.00');
    const overFirst = await refund('r2', '30.00');
    const overAgain = await refund('r2', '30.00');
    await world.dispatch.sweep();

    expect(again).toEqual({ ...first, created: false });
    expect(overAgain).toEqual({ ...overFirst, created: false });
    expect(world.db.refunds.size).toBe(2);
    expect(rejectsTold(overFirst.refundId)).toHaveLength(1);
  });

  it('refunds the buyer on chain: the merchant pays the refund transaction and Shopify is told resolve once', async () => {
    const { world, shop, refund } = await paidPayment('25.00', 'USD');
    const { refundId } = await refund('r1', '10.00');
    const payout = shop.payoutWallet as string;

    const served = await serveTransaction(world.engine, {
      kind: 'refund',
      recordId: refundId,
      account: payout,
    });
    const signature = world.chain.pay(served.transaction);
    await settleSignature(world.engine, signature);
    await settleSignature(world.engine, signature);

    expect(world.db.refunds.get(refundId)?.status).toBe('PAID');
    expect(world.chain.balance(payout, TEST_MINTS.USDC)).toBe(15_000_000n);
    expect(world.chain.balance(BUYER, TEST_MINTS.USDC)).toBe(985_000_000n);
    expect(world.dispatch.deliveredFor({ refundId }).map((row) => row.kind)).toEqual([
      'REFUND_SESSION_RESOLVE',
    ]);
  });

  it('refuses a shop that has not installed the app (404) and stores nothing', async () => {
    const { world } = await paidPayment();
    await expect(
      createRefundSession(world.refundSessionDeps, sessionHeaders('other-shop.myshopify.com'), {
        id: 'r1',
        gid: 'gid://shopify/RefundSession/r1',
        payment_id: 'pay-1',
        amount: '1.00',
        currency: 'USD',
        test: true,
      } satisfies RefundSessionRequest),
    ).rejects.toThrow(UnknownRecordError);
    expect(world.db.refunds.size).toBe(0);
  });
});
