import { describe, expect, it } from '@jest/globals';
import { guardRefOf } from '../records/payable-record';
import { createInMemoryWorld, TEST_MINTS, type InMemoryWorld } from '../testing';
import { rejectRecord } from './reject-record';
import { runDiscoveryPoll } from './run-discovery-poll';
import { serveTransaction } from './serve-transaction';

const BUYER = 'BuyerWa11et11111111111111111111111111111111';
const FLAGGED = 'FlaggedWa11et111111111111111111111111111111';
const TTL_MS = 30 * 60_000;

function setup(options: { rpcLatencyMs?: number } = {}) {
  const world = createInMemoryWorld(options);
  const shop = world.addShop();
  world.chain.fund(BUYER, TEST_MINTS.USDC, 10_000_000_000n);
  const serve = async (paymentId: string, account = BUYER) =>
    serveTransaction(world.engine, { kind: 'payment', recordId: paymentId, account });
  const told = (paymentId: string) => world.dispatch.deliveredFor({ paymentId });
  const guardOf = async (world: InMemoryWorld, paymentId: string) => {
    const payment = await world.records.findRecord('payment', paymentId);
    if (!payment) throw new Error('no payment');
    return world.chain.guardAddress(guardRefOf(payment, 0));
  };
  return { world, shop, serve, told, guardOf: (id: string) => guardOf(world, id) };
}

describe('runDiscoveryPoll', () => {
  it('rejects an expired payment that was never served at once, without a burn, as EXPIRED', async () => {
    const { world, shop, told, guardOf } = setup();
    const paymentId = await world.openPayment(shop);
    world.clock.advance(TTL_MS + 1);

    const report = await runDiscoveryPoll(world.engine);

    expect(report).toMatchObject({ expiredRecords: 1, deferred: 0, errors: 0 });
    expect(world.db.payments.get(paymentId)?.status).toBe('REJECTED');
    expect(world.chain.burnsOf(await guardOf(paymentId))).toEqual([]);
    expect(told(paymentId)).toEqual([
      expect.objectContaining({
        kind: 'PAYMENT_SESSION_REJECT',
        variables: expect.objectContaining({
          reason: expect.objectContaining({ code: 'EXPIRED' }),
        }),
      }),
    ]);
  });

  it('rejects as RISKY an expired payment whose only attempts were refused by screening', async () => {
    const { world, shop, serve, told } = setup();
    world.screening.flag(FLAGGED);
    const paymentId = await world.openPayment(shop);
    await expect(serve(paymentId, FLAGGED)).rejects.toThrow();
    world.clock.advance(TTL_MS + 1);

    await runDiscoveryPoll(world.engine);

    expect(world.db.payments.get(paymentId)).toMatchObject({
      status: 'REJECTED',
      rejectCode: 'RISKY',
    });
    expect(told(paymentId)).toHaveLength(1);
  });

  it('leaves an expired payment alone while a served transaction can still land, then burns first and rejects once the burn is final', async () => {
    const { world, shop, serve, told, guardOf } = setup();
    const paymentId = await world.openPayment(shop);
    const served = await serve(paymentId);
    world.clock.advance(TTL_MS + 1);

    // The buyer's transaction is still within its blockhash: it could land any moment.
    await runDiscoveryPoll(world.engine);
    expect(world.db.payments.get(paymentId)?.status).toBe('OPEN');
    expect(world.chain.burnsOf(await guardOf(paymentId))).toEqual([]);

    world.chain.advanceBlocks(151);
    const first = await runDiscoveryPoll(world.engine);
    expect(first).toMatchObject({ expiredTransactions: 1, expiredRecords: 0, rejectsRetried: 0 });
    expect(world.db.payments.get(paymentId)?.status).toBe('REJECTING');
    const [burn] = world.chain.burnsOf(await guardOf(paymentId));
    expect(burn?.sent).toBe(true);
    expect(told(paymentId)).toEqual([]);
    expect(() => world.chain.land(world.chain.send(served.transaction))).toThrow(/expired/);

    world.chain.land(burn!.signature);
    world.chain.finalize();
    const second = await runDiscoveryPoll(world.engine);
    expect(second).toMatchObject({ rejectsRetried: 1 });
    expect(world.db.payments.get(paymentId)?.status).toBe('REJECTED');
    expect(told(paymentId).map((mutation) => mutation.kind)).toEqual(['PAYMENT_SESSION_REJECT']);
  });

  it('settles a committed served transaction it finds, and pays the merchant once', async () => {
    const { world, shop, serve, told } = setup();
    const paymentId = await world.openPayment(shop);
    world.chain.pay((await serve(paymentId)).transaction);

    const report = await runDiscoveryPoll(world.engine);
    await runDiscoveryPoll(world.engine);

    expect(report).toMatchObject({ checked: 1, paid: 1 });
    expect(world.db.payments.get(paymentId)?.status).toBe('PAID');
    expect(told(paymentId).map((mutation) => mutation.kind)).toEqual(['PAYMENT_SESSION_RESOLVE']);
  });

  it('keeps within its time budget, gives reject retries and sweeps their share however many payments expired, and finishes the rest in later runs', async () => {
    const { world, shop, serve, told } = setup({ rpcLatencyMs: 500 });
    // 3 paid payments (their guards can be swept), 5 rejects whose burns are final (to retry),
    // and 40 served payments that expire unpaid (each needs a burn).
    const paid: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const id = await world.openPayment(shop);
      world.chain.pay((await serve(id)).transaction);
      paid.push(id);
    }
    await runDiscoveryPoll(world.engine);
    const rejecting: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const id = await world.openPayment(shop);
      await serve(id);
      await rejectRecord(world.engine, 'payment', id, {
        code: 'PROCESSING_ERROR',
        merchantMessage: 'no',
      });
      rejecting.push(id);
    }
    for (const transaction of world.chain.transactions.values()) {
      if (transaction.kind === 'burn') world.chain.land(transaction.signature);
    }
    world.chain.finalize();
    const expiring: string[] = [];
    for (let i = 0; i < 40; i += 1) {
      const id = await world.openPayment(shop);
      await serve(id);
      expiring.push(id);
    }
    world.clock.advance(TTL_MS + 1);
    world.chain.advanceBlocks(200);

    const budgetOf = (ms: number) => {
      const deadline = world.clock.now().getTime() + ms;
      return { remainingMs: () => deadline - world.clock.now().getTime(), reserveMs: 2_000 };
    };
    const budget = budgetOf(30_000);
    const report = await runDiscoveryPoll(world.engine, undefined, budget);

    // The run ended inside its invocation (items already started may use the reserve).
    expect(budget.remainingMs()).toBeGreaterThan(0);
    // Retries and sweeps got their turn however many payments expired.
    expect(report.rejectsRetried).toBe(rejecting.length);
    expect(report.guardsSwept).toBe(paid.length + rejecting.length);
    // Expiries stopped at their share of the time (each needs a burn); the rest wait.
    const burnsSent = expiring.filter((id) => world.db.payments.get(id)?.status === 'REJECTING');
    expect(burnsSent.length).toBeGreaterThan(0);
    expect(report.deferred).toBe(expiring.length - burnsSent.length);
    expect(report.errors).toBe(0);

    // Later runs (with the burns landing in between) finish everything, each record once.
    const unfinished = () =>
      [...world.db.guards.values()].some((guard) => guard.status !== 'SWEPT') ||
      expiring.some((id) => world.db.payments.get(id)?.status !== 'REJECTED');
    for (let run = 0; run < 10 && unfinished(); run += 1) {
      for (const transaction of world.chain.transactions.values()) {
        if (transaction.kind === 'burn' && transaction.sent && !transaction.landed) {
          world.chain.land(transaction.signature);
        }
      }
      world.chain.finalize();
      await runDiscoveryPoll(world.engine, undefined, budgetOf(30_000));
    }
    for (const id of [...rejecting, ...expiring]) {
      expect(world.db.payments.get(id)?.status).toBe('REJECTED');
      expect(told(id).map((mutation) => mutation.kind)).toEqual(['PAYMENT_SESSION_REJECT']);
    }
    for (const id of paid) {
      expect(told(id).map((mutation) => mutation.kind)).toEqual(['PAYMENT_SESSION_RESOLVE']);
    }
    const guards = [...world.db.guards.values()];
    expect(guards.every((guard) => guard.status === 'SWEPT')).toBe(true);
    for (const guard of guards) expect(world.chain.lamportsOf(guard.pubkey)).toBe(0n);
  });
});
