import { describe, expect, it } from '@jest/globals';
import { createInMemoryWorld } from '../testing';
import { pollDiscoveryWhilePending, type PollDiscoveryDeps } from './poll-discovery-while-pending';

const TTL_MS = 30 * 60_000;

function setup(pruneRateLimitCounters: () => Promise<number>) {
  const world = createInMemoryWorld();
  const deps: PollDiscoveryDeps = {
    engine: world.engine,
    pruneRateLimitCounters,
    sleep: async (ms) => world.clock.advance(ms),
    logger: world.logger,
  };
  const poll = () =>
    pollDiscoveryWhilePending(deps, { scheduled: false, budget: { remainingMs: () => 60_000 } });
  return { world, poll };
}

describe('pollDiscoveryWhilePending', () => {
  it('reads the block height without waiting for the rate-limit prune, and reports both', async () => {
    let releasePrune: (count: number) => void = () => undefined;
    const { world, poll } = setup(() => new Promise<number>((resolve) => (releasePrune = resolve)));

    const polling = poll();
    // The prune has not answered; the run's first RPC call has been made all the same.
    await new Promise((resolve) => setImmediate(resolve));
    expect(world.chain.rpcCalls).toContain('getBlockHeight');
    releasePrune(3);

    await expect(polling).resolves.toMatchObject({ runs: 1, prunedRateLimitCounters: 3 });
  });

  it('polls and rejects what expired when the prune fails, and logs the failure', async () => {
    const { world, poll } = setup(() => Promise.reject(new Error('counters table locked')));
    const shop = world.addShop();
    const paymentId = await world.openPayment(shop);
    world.clock.advance(TTL_MS + 1);

    await expect(poll()).resolves.toMatchObject({ expiredRecords: 1, prunedRateLimitCounters: 0 });
    expect(world.db.payments.get(paymentId)?.status).toBe('REJECTED');
    expect(world.logger.entries).toContainEqual(
      expect.objectContaining({ level: 'warn', message: 'pruning rate-limit counters failed' }),
    );
  });
});
