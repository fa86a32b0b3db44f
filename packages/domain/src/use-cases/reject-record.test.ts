import { describe, expect, it } from '@jest/globals';
import { RecordClosedError } from '../errors';
import { guardRefOf } from '../records/payable-record';
import type { RejectionReason } from '../ports/record-store-port';
import { createInMemoryWorld, TEST_MINTS } from '../testing';
import { rejectRecord } from './reject-record';
import { serveTransaction } from './serve-transaction';
import { settleSignature } from './settle-signature';

const BUYER = 'BuyerWa11et11111111111111111111111111111111';
const RISKY: RejectionReason = { code: 'RISKY', merchantMessage: 'Flagged by screening' };

async function openPayment({ serve = true } = {}) {
  const world = createInMemoryWorld();
  const shop = world.addShop();
  const paymentId = await world.openPayment(shop, { amount: '25.00', currency: 'USD' });
  world.chain.fund(BUYER, TEST_MINTS.USDC, 100_000_000n);
  const payment = await world.records.findRecord('payment', paymentId);
  if (!payment) throw new Error('no payment');
  const guardAddress = world.chain.guardAddress(guardRefOf(payment, 0));
  const served = serve
    ? await serveTransaction(world.engine, { kind: 'payment', recordId: paymentId, account: BUYER })
    : null;
  const reject = () => rejectRecord(world.engine, 'payment', paymentId, RISKY);
  const told = (kind: 'PAYMENT_SESSION_REJECT' | 'PAYMENT_SESSION_RESOLVE') =>
    world.dispatch.deliveredFor({ kind, paymentId });
  const status = () => world.db.payments.get(paymentId)?.status;
  const payout = shop.payoutWallet as string;
  return { world, paymentId, guardAddress, served, reject, told, status, payout };
}

describe('rejectRecord', () => {
  it('rejects at once, without a burn, a payment for which nothing was ever served', async () => {
    const { world, guardAddress, reject, told, status } = await openPayment({ serve: false });

    expect(await reject()).toEqual({ outcome: 'rejected' });

    expect(status()).toBe('REJECTED');
    expect(world.chain.burnsOf(guardAddress)).toEqual([]);
    expect(told('PAYMENT_SESSION_REJECT')).toEqual([
      expect.objectContaining({
        variables: expect.objectContaining({
          reason: { code: 'RISKY', merchantMessage: 'Flagged by screening' },
        }),
      }),
    ]);
  });

  it('burns first: Shopify is told reject only once the burn of the guard is final, and the served transaction can no longer pay', async () => {
    const { world, guardAddress, served, reject, told, status, payout } = await openPayment();

    expect(await reject()).toEqual({ outcome: 'rejecting' });
    // Serving stopped, a burn is on its way, Shopify knows nothing yet.
    expect(status()).toBe('REJECTING');
    const [burn] = world.chain.burnsOf(guardAddress);
    expect(burn).toMatchObject({ sent: true, landed: null });
    expect(told('PAYMENT_SESSION_REJECT')).toEqual([]);
    await expect(
      serveTransaction(world.engine, {
        kind: 'payment',
        recordId: world.db.payments.keys().next().value as string,
        account: BUYER,
      }),
    ).rejects.toThrow(RecordClosedError);

    // Landed but not final: still not safe to tell Shopify.
    world.chain.land(burn!.signature);
    expect(await reject()).toEqual({ outcome: 'rejecting' });
    expect(told('PAYMENT_SESSION_REJECT')).toEqual([]);

    world.chain.finalize(burn!.signature);
    expect(await reject()).toEqual({ outcome: 'rejected' });
    expect(status()).toBe('REJECTED');
    expect(told('PAYMENT_SESSION_REJECT')).toHaveLength(1);
    expect(world.chain.burnsOf(guardAddress)).toHaveLength(1);

    // The buyer's wallet sends the transaction it was given: it fails, no money moves.
    const late = world.chain.send(served!.transaction);
    expect(world.chain.land(late).err).toBe('AccountAlreadyInUse');
    expect(world.chain.balance(payout, TEST_MINTS.USDC)).toBeNull();
    expect(world.chain.balance(BUYER, TEST_MINTS.USDC)).toBe(100_000_000n);
    world.chain.finalize(late);
    expect(await settleSignature(world.engine, late)).toMatchObject({ outcome: 'not-payable' });
    expect(told('PAYMENT_SESSION_RESOLVE')).toEqual([]);
    expect(await reject()).toEqual({ outcome: 'already-closed', status: 'REJECTED' });
    expect(told('PAYMENT_SESSION_REJECT')).toHaveLength(1);
  });

  it('resends a burn that expired before landing, and never tells Shopify on the strength of an unlanded burn', async () => {
    const { world, guardAddress, reject, told } = await openPayment();
    await reject();
    world.chain.advanceBlocks(200); // the first burn's blockhash expired: it can never land

    expect(await reject()).toEqual({ outcome: 'rejecting' });

    const burns = world.chain.burnsOf(guardAddress);
    expect(burns).toHaveLength(2);
    expect(() => world.chain.land(burns[0]!.signature)).toThrow(/expired/);
    expect(told('PAYMENT_SESSION_REJECT')).toEqual([]);
    world.chain.land(burns[1]!.signature);
    world.chain.finalize();
    expect(await reject()).toEqual({ outcome: 'rejected' });
    expect(told('PAYMENT_SESSION_REJECT')).toHaveLength(1);
  });

  describe('pay vs reject race', () => {
    it('a payment that landed before the reject started wins: PAID, one resolve, no burn, no reject', async () => {
      const { world, guardAddress, served, reject, told, status, payout } = await openPayment();
      world.chain.pay(served!.transaction);

      const outcome = await reject();

      expect(outcome).toMatchObject({ outcome: 'paid-instead' });
      expect(status()).toBe('PAID');
      expect(world.chain.burnsOf(guardAddress)).toEqual([]);
      expect(told('PAYMENT_SESSION_RESOLVE')).toHaveLength(1);
      expect(told('PAYMENT_SESSION_REJECT')).toEqual([]);
      expect(world.chain.balance(payout, TEST_MINTS.USDC)).toBe(25_000_000n);
    });

    it('a payment that lands before the burn wins: the burn fails, the record ends PAID with one resolve and no reject', async () => {
      const { world, guardAddress, served, reject, told, status, payout } = await openPayment();
      expect(await reject()).toEqual({ outcome: 'rejecting' });
      const [burn] = world.chain.burnsOf(guardAddress);

      // The buyer's transaction is included before our burn.
      const payment = world.chain.send(served!.transaction);
      world.chain.land(payment);
      expect(world.chain.land(burn!.signature).err).toBe('AccountAlreadyInUse');

      // Until the payment is final the record stays REJECTING; nobody is told anything.
      expect(await reject()).toEqual({ outcome: 'rejecting' });
      expect(told('PAYMENT_SESSION_RESOLVE')).toEqual([]);
      expect(told('PAYMENT_SESSION_REJECT')).toEqual([]);

      world.chain.finalize();
      expect(await reject()).toEqual({ outcome: 'paid-instead', signature: payment });
      expect(await reject()).toEqual({ outcome: 'already-closed', status: 'PAID' });

      expect(status()).toBe('PAID');
      expect(told('PAYMENT_SESSION_RESOLVE')).toHaveLength(1);
      expect(told('PAYMENT_SESSION_REJECT')).toEqual([]);
      expect(world.db.mutationsFor({ kind: 'PAYMENT_SESSION_REJECT' })).toEqual([]);
      expect(world.chain.balance(payout, TEST_MINTS.USDC)).toBe(25_000_000n);
    });

    it('a burn that lands before the payment wins: the payment fails, the record ends REJECTED with one reject and no resolve', async () => {
      const { world, guardAddress, served, reject, told, status, payout } = await openPayment();
      await reject();
      const [burn] = world.chain.burnsOf(guardAddress);
      world.chain.land(burn!.signature);

      const payment = world.chain.send(served!.transaction);
      expect(world.chain.land(payment).err).toBe('AccountAlreadyInUse');
      world.chain.finalize();
      expect(await settleSignature(world.engine, payment)).toMatchObject({
        outcome: 'invalid',
        validation: { reason: 'failed-on-chain' },
      });

      expect(await reject()).toEqual({ outcome: 'rejected' });
      expect(status()).toBe('REJECTED');
      expect(told('PAYMENT_SESSION_REJECT')).toHaveLength(1);
      expect(told('PAYMENT_SESSION_RESOLVE')).toEqual([]);
      expect(world.chain.balance(payout, TEST_MINTS.USDC)).toBeNull();
    });
  });
});
