import { setTimeout as sleep } from 'node:timers/promises';
import { runDiscoveryPoll } from '@solpay/domain';
import { createWorkerHandler } from '@solpay/lambda';
import { getAppServices } from '@solpay/services';
import { z } from 'zod';

/** EventBridge's scheduled event (or a plain `{}` from the local timer). */
const pollInput = z.looseObject({
  source: z.string().optional(),
  /** Keep polling this long while transactions are pending (default: 45 s when scheduled). */
  loopSeconds: z.number().min(0).max(50).optional(),
});

const POLL_INTERVAL_MS = 3_000;

/**
 * The scheduled discovery fallback (EventBridge `rate(1 minute)`; every ~2 s in the local
 * stack): settles committed served transactions, expires stale ones, rejects expired payments
 * (guard burned first), retries unfinished rejects and sweeps guard rent; each run first prunes
 * expired rate-limit counters. EventBridge cannot schedule more often than once a minute, so a
 * scheduled run keeps polling every 3 s while served transactions are pending (a webhook arrives
 * at `confirmed`, before the `finalized` commitment Shopify waits for), and stops as soon as
 * nothing is pending.
 */
export const handler = createWorkerHandler(
  'discovery-poll',
  pollInput,
  async (input, { context }) => {
    const loopSeconds = input.loopSeconds ?? (input.source === 'aws.events' ? 45 : 0);
    const deadline = Date.now() + loopSeconds * 1000;
    const services = getAppServices();
    const engine = services.engine;
    const prunedRateLimitCounters = await pruneRateLimitCounters(services);
    // Each run keeps inside what is left of this invocation (see runDiscoveryPoll's budget).
    const budget = { remainingMs: () => context.getRemainingTimeInMillis() };
    let report = await runDiscoveryPoll(engine, undefined, budget);
    let runs = 1;
    while (report.checked > 0 && Date.now() + POLL_INTERVAL_MS < deadline) {
      await sleep(POLL_INTERVAL_MS);
      report = await runDiscoveryPoll(engine, undefined, budget);
      runs += 1;
    }
    return { ...report, runs, prunedRateLimitCounters };
  },
);

/**
 * Deletes the rate-limit counters of finished windows, once per run: one indexed range delete
 * (`expires_at`), bounded by what a minute or so of traffic created since the last run. A
 * failure is logged, never fails the poll (the counters only take space).
 */
async function pruneRateLimitCounters(
  services: ReturnType<typeof getAppServices>,
): Promise<number> {
  try {
    return await services.rateLimiter.pruneExpired();
  } catch (error) {
    services.logger.warn('pruning rate-limit counters failed', { error });
    return 0;
  }
}
