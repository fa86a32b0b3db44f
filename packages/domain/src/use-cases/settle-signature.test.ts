import { describe, expect, it } from '@jest/globals';
import { TOKEN_2022_PROGRAM } from '../money/settlement-tokens';
import { handleAppUninstalled } from '../merchants/handle-app-uninstalled';
import { guardRefOf } from '../records/payable-record';
import { createInMemoryWorld, TEST_MINTS } from '../testing';
import { serveTransaction } from './serve-transaction';
import { settleSignature } from './settle-signature';

const BUYER = 'BuyerWa11et11111111111111111111111111111111';

async function servedPayment() {
  const world = createInMemoryWorld();
  const shop = world.addShop();
  const paymentId = await world.openPayment(shop, { amount: '25.00', currency: 'USD' });
  world.chain.fund(BUYER, TEST_MINTS.USDC, 100_000_000n);
  world.chain.fund(BUYER, TEST_MINTS.EURC, 100_000_000n);
  const served = await serveTransaction(world.engine, {
    kind: 'payment',
    recordId: paymentId,
    account: BUYER,
  });
  const signature = world.chain.decode(served.transaction).signature;
  const payout = shop.payoutWallet as string;
  const resolves = () =>
    world.dispatch.deliveredFor({ kind: 'PAYMENT_SESSION_RESOLVE', paymentId });
  return { world, shop, paymentId, served, signature, payout, resolves };
}

describe('settleSignature', () => {
  it('pays exactly once: the same landed transaction settled many times at once moves the record once and tells Shopify once', async () => {
    const { world, paymentId, served, signature, payout, resolves } = await servedPayment();
    world.chain.pay(served.transaction);

    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => settleSignature(world.engine, signature)),
    );
    const later = await settleSignature(world.engine, signature);

    expect(outcomes.map((outcome) => outcome.outcome).sort()).toEqual([
      'already-paid',
      'already-paid',
      'already-paid',
      'already-paid',
      'paid',
    ]);
    expect(later).toEqual({ outcome: 'already-paid', recordId: paymentId });
    expect(world.db.payments.get(paymentId)).toMatchObject({
      status: 'PAID',
      signature,
      buyerWallet: BUYER,
    });
    expect(world.db.mutationsFor({ paymentId })).toHaveLength(1);
    expect(resolves()).toEqual([
      expect.objectContaining({ variables: { id: world.db.payments.get(paymentId)?.gid } }),
    ]);
    expect(world.chain.balance(payout, TEST_MINTS.USDC)).toBe(25_000_000n);
  });

  it('waits for finality: a transaction only confirmed does not pay yet, and pays once finalized', async () => {
    const { world, paymentId, served, signature, resolves } = await servedPayment();
    world.chain.land(world.chain.send(served.transaction));

    const early = await settleSignature(world.engine, signature);
    expect(early).toMatchObject({
      outcome: 'invalid',
      validation: { reason: 'not-yet-committed' },
      deadGeneration: false,
    });
    expect(world.db.payments.get(paymentId)?.status).toBe('OPEN');
    expect(resolves()).toEqual([]);

    world.chain.finalize(signature);
    expect(await settleSignature(world.engine, signature)).toMatchObject({ outcome: 'paid' });
    expect(resolves()).toHaveLength(1);
  });

  it('marks a transaction that failed on chain FAILED and leaves the payment payable', async () => {
    const { world, paymentId, served, signature, resolves } = await servedPayment();
    world.chain.prefundGuard(world.chain.decode(served.transaction).guardAddress);
    world.chain.pay(served.transaction);

    expect(await settleSignature(world.engine, signature)).toMatchObject({
      outcome: 'invalid',
      validation: { reason: 'failed-on-chain' },
      deadGeneration: false,
    });
    expect(world.db.served.get(signature)?.status).toBe('FAILED');
    expect(world.db.payments.get(paymentId)?.status).toBe('OPEN');
    expect(resolves()).toEqual([]);
  });

  it('ignores a signature that is not a transaction we served', async () => {
    const { world, paymentId, resolves } = await servedPayment();
    expect(await settleSignature(world.engine, 'SomeoneElsesSignature')).toEqual({
      outcome: 'not-ours',
    });
    expect(world.db.payments.get(paymentId)?.status).toBe('OPEN');
    expect(resolves()).toEqual([]);
  });

  it.each([
    ['wrong amount', { amount: 24_999_999n }, 'wrong-amount'],
    ['wrong mint', { mint: TEST_MINTS.EURC }, 'wrong-mint'],
    ['wrong token program', { tokenProgram: TOKEN_2022_PROGRAM }, 'wrong-program'],
  ] as const)(
    'refuses a transaction of ours that landed with the %s: not paid, Shopify not told, that guard generation is dead',
    async (_what, change, reason) => {
      const { world, paymentId, payout, resolves } = await servedPayment();
      const payment = await world.records.findRecord('payment', paymentId);
      if (!payment) throw new Error('no payment');
      // A transaction built for this record's guard that does not do what the record says.
      const built = await world.chain.buildTransfer({
        guard: guardRefOf(payment, 0),
        payer: BUYER,
        recipientWallet: payout,
        mint: payment.mint,
        tokenProgram: payment.tokenProgram,
        tokenSymbol: payment.tokenSymbol,
        decimals: payment.decimals,
        amount: payment.tokenAmount,
        reference: payment.referenceKey,
        ...change,
      });
      if (!built.ok) throw new Error(built.message);
      await world.records.recordServedTransaction({
        kind: 'payment',
        recordId: paymentId,
        generation: 0,
        guardAddress: built.guardAddress,
        signature: built.signature,
        account: BUYER,
        lastValidBlockHeight: built.lastValidBlockHeight,
      });
      world.chain.pay(built.base64);

      const outcome = await settleSignature(world.engine, built.signature);

      expect(outcome).toMatchObject({
        outcome: 'invalid',
        validation: { reason },
        deadGeneration: true,
      });
      expect(world.db.payments.get(paymentId)).toMatchObject({ status: 'OPEN', signature: null });
      expect(resolves()).toEqual([]);
      expect(world.db.served.get(built.signature)?.status).toBe('REFUSED');
      expect(await world.records.currentGuardGeneration('payment', paymentId)).toBe(1);
      expect(world.logger.at('warn').map((entry) => entry.fields.reason)).toContain(reason);
    },
  );

  it('flags a payment that lands after its shop left: PAID for the books, Shopify not told, an operator alerted to refund by hand', async () => {
    const { world, shop, paymentId, served, signature, resolves } = await servedPayment();
    await handleAppUninstalled(
      { store: world.uninstalls, clock: world.clock, logger: world.logger },
      { webhookId: 'w1', shopDomain: shop.shopDomain },
    );
    // Closed (REJECTING, the poll would burn), but the buyer's transaction landed first.
    expect(world.db.payments.get(paymentId)?.status).toBe('REJECTING');
    world.chain.pay(served.transaction);

    const outcome = await settleSignature(world.engine, signature);

    expect(outcome).toEqual({ outcome: 'paid', kind: 'payment', recordId: paymentId });
    expect(world.db.payments.get(paymentId)).toMatchObject({
      status: 'PAID',
      orphanedAt: expect.any(Date),
    });
    expect(world.db.mutationsFor({ paymentId })).toEqual([]);
    expect(resolves()).toEqual([]);
    expect(world.logger.at('error')).toEqual([
      expect.objectContaining({
        message: 'record paid after its shop left; refund by hand',
        fields: expect.objectContaining({
          recordId: paymentId,
          runbook: 'docs/runbooks/shop-left-with-open-records.md',
        }),
      }),
    ]);
  });
});
