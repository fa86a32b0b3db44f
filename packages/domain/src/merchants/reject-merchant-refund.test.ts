import { describe, expect, it } from '@jest/globals';
import { InvalidInputError, UnknownRecordError } from '../errors';
import { guardRefOf } from '../records/payable-record';
import { createRefundSession } from '../refunds/create-refund-session';
import type { RefundSessionRequest } from '../sessions/payment-session-request';
import { createInMemoryWorld, sessionHeaders, TEST_MINTS } from '../testing';
import { runDiscoveryPoll } from '../use-cases/run-discovery-poll';
import { serveTransaction } from '../use-cases/serve-transaction';
import { settleSignature } from '../use-cases/settle-signature';
import { rejectMerchantRefund } from './reject-merchant-refund';

const BUYER = 'BuyerWa11et11111111111111111111111111111111';

/** A paid payment with one OPEN refund of 10 USDC the merchant has to pay or reject. */
async function openRefund() {
  const world = createInMemoryWorld();
  const shop = world.addShop();
  const paymentId = await world.openPayment(shop, { id: 'pay-1', amount: '25.00' });
  world.chain.fund(BUYER, TEST_MINTS.USDC, 100_000_000n);
  const paid = world.chain.pay(
    (await serveTransaction(world.engine, { kind: 'payment', recordId: paymentId, account: BUYER }))
      .transaction,
  );
  await settleSignature(world.engine, paid);
  const { refundId } = await createRefundSession(
    world.refundSessionDeps,
    sessionHeaders(shop.shopDomain),
    {
      id: 'refund-1',
      gid: 'gid://shopify/RefundSession/refund-1',
      payment_id: 'pay-1',
      amount: '10.00',
      currency: 'USD',
      test: true,
    } satisfies RefundSessionRequest,
  );
  const payout = shop.payoutWallet as string;
  const reject = (reason = 'Goods were never returned', merchantId = shop.id) =>
    rejectMerchantRefund(
      { engine: world.engine, portalRecords: world.portalRecords },
      { merchantId, refundId, reason },
    );
  const serveRefund = () =>
    serveTransaction(world.engine, { kind: 'refund', recordId: refundId, account: payout });
  const told = () => world.dispatch.deliveredFor({ refundId }).map((row) => row.kind);
  const guardAddress = async () => {
    const refund = await world.records.findRecord('refund', refundId);
    if (!refund) throw new Error('no refund');
    return world.chain.guardAddress(guardRefOf(refund, 0));
  };
  return { world, shop, refundId, payout, reject, serveRefund, told, guardAddress };
}

describe('rejectMerchantRefund', () => {
  it('rejects at once a refund the merchant never fetched a transaction for, with the merchant reason', async () => {
    const { world, refundId, reject, guardAddress } = await openRefund();

    expect(await reject('  Goods were never returned  ')).toEqual({ outcome: 'rejected' });

    expect(world.db.refunds.get(refundId)?.status).toBe('REJECTED');
    expect(world.chain.burnsOf(await guardAddress())).toEqual([]);
    expect(world.dispatch.deliveredFor({ refundId })).toEqual([
      expect.objectContaining({
        kind: 'REFUND_SESSION_REJECT',
        variables: expect.objectContaining({
          reason: { code: 'PROCESSING_ERROR', merchantMessage: 'Goods were never returned' },
        }),
      }),
    ]);
    expect(await reject()).toEqual({ outcome: 'rejected' });
    expect(world.dispatch.deliveredFor({ refundId })).toHaveLength(1);
  });

  it('burns first when a refund transaction was fetched: answers "rejecting", and Shopify hears reject only after the burn is final', async () => {
    const { world, refundId, payout, reject, serveRefund, told, guardAddress } = await openRefund();
    const served = await serveRefund();

    expect(await reject()).toEqual({ outcome: 'rejecting' });
    expect(world.db.refunds.get(refundId)?.status).toBe('REJECTING');
    expect(told()).toEqual([]);

    const [burn] = world.chain.burnsOf(await guardAddress());
    world.chain.land(burn!.signature);
    world.chain.finalize();
    await runDiscoveryPoll(world.engine);

    expect(world.db.refunds.get(refundId)).toMatchObject({
      status: 'REJECTED',
      rejectReason: 'Goods were never returned',
    });
    expect(told()).toEqual(['REFUND_SESSION_REJECT']);
    // The refund transaction the merchant's wallet still holds can no longer move money.
    expect(world.chain.land(world.chain.send(served.transaction)).err).toBe('AccountAlreadyInUse');
    expect(world.chain.balance(payout, TEST_MINTS.USDC)).toBe(25_000_000n);
  });

  it('resolves instead when the merchant refund payment landed first: the buyer got the money, Shopify hears resolve once and never reject', async () => {
    const { world, refundId, reject, serveRefund, told } = await openRefund();
    const signature = world.chain.pay((await serveRefund()).transaction);

    expect(await reject()).toEqual({ outcome: 'paid-instead', signature });
    expect(await reject()).toEqual({ outcome: 'paid-instead', signature });

    expect(world.db.refunds.get(refundId)?.status).toBe('PAID');
    expect(world.chain.balance(BUYER, TEST_MINTS.USDC)).toBe(85_000_000n);
    expect(told()).toEqual(['REFUND_SESSION_RESOLVE']);
  });

  it("answers 404 for another merchant's refund and changes nothing", async () => {
    const { world, refundId, reject, told } = await openRefund();
    const other = world.addShop({ shopDomain: 'other-shop.myshopify.com' });

    await expect(reject('Not mine', other.id)).rejects.toThrow(UnknownRecordError);

    expect(world.db.refunds.get(refundId)?.status).toBe('OPEN');
    expect(told()).toEqual([]);
  });

  it.each([
    ['an empty reason', '   '],
    ['a reason over 500 characters', 'x'.repeat(501)],
  ])('refuses %s and changes nothing', async (_what, reason) => {
    const { world, refundId, reject, told } = await openRefund();

    await expect(reject(reason)).rejects.toThrow(InvalidInputError);

    expect(world.db.refunds.get(refundId)?.status).toBe('OPEN');
    expect(told()).toEqual([]);
  });
});
