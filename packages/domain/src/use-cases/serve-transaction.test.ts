import { describe, expect, it } from '@jest/globals';
import {
  BusinessRuleViolationError,
  PermissionDeniedError,
  RecordClosedError,
  StateConflictError,
} from '../errors';
import { createInMemoryWorld, InMemoryChain, TEST_MINTS } from '../testing';
import type { GuardRef } from '../records/payable-record';
import { guardRefOf } from '../records/payable-record';
import { handleAppUninstalled } from '../merchants/handle-app-uninstalled';
import { serveTransaction } from './serve-transaction';
import { settleSignature } from './settle-signature';

const BUYER = 'BuyerWa11et11111111111111111111111111111111';
const OTHER_BUYER = 'BuyerWa11et22222222222222222222222222222222';

async function openPaymentWithFundedBuyer(world = createInMemoryWorld()) {
  const shop = world.addShop();
  const paymentId = await world.openPayment(shop, { amount: '25.00', currency: 'USD' });
  world.chain.fund(BUYER, TEST_MINTS.USDC, 100_000_000n);
  world.chain.fund(OTHER_BUYER, TEST_MINTS.USDC, 100_000_000n);
  const serve = (account = BUYER) =>
    serveTransaction(world.engine, { kind: 'payment', recordId: paymentId, account });
  const record = async () => {
    const found = await world.records.findRecord('payment', paymentId);
    if (!found) throw new Error('payment vanished');
    return found;
  };
  return { world, shop, paymentId, serve, record };
}

describe('serveTransaction', () => {
  it('first serve: screens the buyer, records the transaction, and it pays the exact amount to the payout wallet', async () => {
    const { world, shop, paymentId, serve, record } = await openPaymentWithFundedBuyer();

    const served = await serve();

    expect(served.message).toBe('Demo Shop: pay 25.00 USDC (25 USD)');
    expect(world.screening.screened).toEqual([BUYER]);
    const transaction = world.chain.decode(served.transaction);
    expect(transaction.transfer).toEqual({
      payer: BUYER,
      recipientWallet: shop.payoutWallet,
      mint: TEST_MINTS.USDC,
      tokenProgram: (await record()).tokenProgram,
      decimals: 6,
      amount: 25_000_000n,
      reference: (await record()).referenceKey,
    });
    expect(transaction.guardAddress).toBe(world.chain.guardAddress(guardRefOf(await record(), 0)));
    expect(await world.records.servedSignatures('payment', paymentId, 0)).toEqual([
      transaction.signature,
    ]);
    // Nothing moved yet: serving hands out a transaction, it does not pay.
    expect(world.chain.balance(shop.payoutWallet as string, TEST_MINTS.USDC)).toBeNull();

    world.chain.pay(served.transaction);
    expect(world.chain.balance(shop.payoutWallet as string, TEST_MINTS.USDC)).toBe(25_000_000n);
    expect(world.chain.balance(BUYER, TEST_MINTS.USDC)).toBe(75_000_000n);
  });

  it('repeat serves of one generation share its guard: the same wallet gets the same transaction, and of two wallets only one can pay', async () => {
    const { world, shop, paymentId, serve } = await openPaymentWithFundedBuyer();

    const first = await serve();
    const again = await serve();
    const other = await serve(OTHER_BUYER);

    expect(again.transaction).toBe(first.transaction);
    const guardOf = (base64: string) => world.chain.decode(base64).guardAddress;
    expect(guardOf(other.transaction)).toBe(guardOf(first.transaction));
    expect(await world.records.servedSignatures('payment', paymentId, 0)).toHaveLength(2);

    world.chain.pay(other.transaction);
    const loser = world.chain.send(first.transaction);
    expect(world.chain.land(loser).err).toBe('AccountAlreadyInUse');
    // The merchant is paid once, by one buyer; the other buyer keeps their money.
    expect(world.chain.balance(shop.payoutWallet as string, TEST_MINTS.USDC)).toBe(25_000_000n);
    expect(world.chain.balance(BUYER, TEST_MINTS.USDC)).toBe(100_000_000n);
    expect(world.chain.balance(OTHER_BUYER, TEST_MINTS.USDC)).toBe(75_000_000n);
  });

  it('once a served transaction paid, serving again settles it and answers "already paid" without a new transaction', async () => {
    const { world, paymentId, serve } = await openPaymentWithFundedBuyer();
    world.chain.pay((await serve()).transaction);

    await expect(serve(OTHER_BUYER)).rejects.toThrow(StateConflictError);

    expect((await world.records.findRecord('payment', paymentId))?.status).toBe('PAID');
    expect(await world.records.countServedTransactions('payment', paymentId)).toBe(1);
    expect(world.dispatch.deliveredFor({ paymentId })).toHaveLength(1);
  });

  it('rotates to the next generation when the current one is dead (consumed by a transaction that paid nothing), and the new one pays', async () => {
    const { world, shop, paymentId, serve, record } = await openPaymentWithFundedBuyer();
    // A transaction of ours for generation 0 that moves the wrong amount (a builder bug): it
    // lands and consumes the guard without paying the record.
    const payment = await record();
    const wrong = await world.chain.buildTransfer({
      guard: guardRefOf(payment, 0),
      payer: BUYER,
      recipientWallet: shop.payoutWallet as string,
      mint: payment.mint,
      tokenProgram: payment.tokenProgram,
      tokenSymbol: payment.tokenSymbol,
      decimals: payment.decimals,
      amount: payment.tokenAmount - 1n,
      reference: payment.referenceKey,
    });
    if (!wrong.ok) throw new Error(wrong.message);
    await world.records.recordServedTransaction({
      kind: 'payment',
      recordId: paymentId,
      generation: 0,
      guardAddress: wrong.guardAddress,
      signature: wrong.signature,
      account: BUYER,
      lastValidBlockHeight: wrong.lastValidBlockHeight,
    });
    world.chain.pay(wrong.base64);

    const served = await serve(OTHER_BUYER);

    const fresh = world.chain.decode(served.transaction);
    expect(fresh.guardAddress).toBe(world.chain.guardAddress(guardRefOf(payment, 1)));
    expect(await world.records.currentGuardGeneration('payment', paymentId)).toBe(1);
    expect((await record()).status).toBe('OPEN');
    expect(world.dispatch.delivered).toEqual([]);

    world.chain.pay(served.transaction);
    expect(await settleSignature(world.engine, fresh.signature)).toMatchObject({ outcome: 'paid' });
    expect(
      world.dispatch.deliveredFor({ kind: 'PAYMENT_SESSION_RESOLVE', paymentId }),
    ).toHaveLength(1);
  });

  it('rotates past a guard a third party pre-funded, and gives up after three rotations', async () => {
    const { world, paymentId, serve, record } = await openPaymentWithFundedBuyer();
    const payment = await record();
    const guard = (generation: number): GuardRef => guardRefOf(payment, generation);
    world.chain.prefundGuard(world.chain.guardAddress(guard(0)));

    const served = await serve();
    expect(world.chain.decode(served.transaction).guardAddress).toBe(
      world.chain.guardAddress(guard(1)),
    );
    expect(world.logger.at('warn').map((entry) => entry.message)).toContain(
      'guard blocked by a third party; rotated',
    );

    for (const generation of [1, 2, 3, 4]) {
      world.chain.prefundGuard(world.chain.guardAddress(guard(generation)));
    }
    await expect(serve(OTHER_BUYER)).rejects.toThrow(StateConflictError);
    expect(await world.records.currentGuardGeneration('payment', paymentId)).toBe(4);
  });

  it('refuses a wallet screening flags (403) and records the hit, but keeps the payment open', async () => {
    const { world, paymentId, serve, record } = await openPaymentWithFundedBuyer();
    world.screening.flag(BUYER);

    await expect(serve()).rejects.toThrow(PermissionDeniedError);

    expect(await world.records.countServedTransactions('payment', paymentId)).toBe(0);
    expect(await record()).toMatchObject({ status: 'OPEN', screeningHits: 1 });
    await expect(serve(OTHER_BUYER)).resolves.toMatchObject({ message: expect.any(String) });
  });

  it('refuses the payout wallet paying itself (422): that transfer would consume the guard and pay nothing', async () => {
    const { shop, serve } = await openPaymentWithFundedBuyer();
    await expect(serve(shop.payoutWallet as string)).rejects.toThrow(BusinessRuleViolationError);
  });

  it('serves nothing for a shop that uninstalled the app (410), so a buyer is never charged for an order Shopify cancelled', async () => {
    const { world, shop, paymentId, serve } = await openPaymentWithFundedBuyer();
    await handleAppUninstalled(
      { store: world.uninstalls, clock: world.clock, logger: world.logger },
      { webhookId: 'w1', shopDomain: shop.shopDomain },
    );

    await expect(serve()).rejects.toThrow(RecordClosedError);

    expect(world.chain.transactions.size).toBe(0);
    expect(await world.records.countServedTransactions('payment', paymentId)).toBe(0);
  });

  it('serves nothing for a closed record: 409 when paid, 410 when rejected or expired', async () => {
    const { world, paymentId, serve } = await openPaymentWithFundedBuyer();
    await world.records.beginReject('payment', paymentId, {
      code: 'PROCESSING_ERROR',
      merchantMessage: 'no',
    });
    await expect(serve()).rejects.toThrow(RecordClosedError);

    const second = await openPaymentWithFundedBuyer();
    second.world.clock.advance(31 * 60_000);
    await expect(second.serve()).rejects.toThrow(RecordClosedError);

    const third = await openPaymentWithFundedBuyer();
    third.world.chain.pay((await third.serve()).transaction);
    await settleSignature(
      third.world.engine,
      [...third.world.chain.transactions.keys()][0] as string,
    );
    await expect(third.serve(OTHER_BUYER)).rejects.toThrow(StateConflictError);
    expect(world.chain.transactions.size).toBe(0);
  });

  it('does not hand out a transaction for a record that was closed while it was being built', async () => {
    const world = createInMemoryWorld();
    let paymentId = '';
    // A reject commits between the guard read and the recording of the transaction.
    const racing = new (class extends InMemoryChain {
      override async buildTransfer(input: Parameters<InMemoryChain['buildTransfer']>[0]) {
        const built = await super.buildTransfer(input);
        await world.records.beginReject('payment', paymentId, {
          code: 'PROCESSING_ERROR',
          merchantMessage: 'rejected meanwhile',
        });
        return built;
      }
    })({ clock: world.clock });
    const engine = { ...world.engine, chain: racing };
    paymentId = await world.openPayment(world.addShop());
    racing.fund(BUYER, TEST_MINTS.USDC, 100_000_000n);

    await expect(
      serveTransaction(engine, { kind: 'payment', recordId: paymentId, account: BUYER }),
    ).rejects.toThrow(RecordClosedError);

    expect(await world.records.countServedTransactions('payment', paymentId)).toBe(0);
  });
});
