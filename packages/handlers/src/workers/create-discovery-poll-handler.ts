import { pollDiscoveryWhilePending, type PollDiscoveryDeps } from '@solpay/domain';
import { createWorkerHandler } from '@solpay/lambda';
import * as z from 'zod';
import type { Compose } from '../compose';
import { lazyHandler } from '../lazy-handler';

/** EventBridge's scheduled event (or a plain `{}` from the local timer). */
const pollInput = z.looseObject({
  source: z.string().optional(),
  /** Keep polling this long while transactions are pending (default: 45 s when scheduled). */
  loopSeconds: z.number().min(0).max(50).optional(),
});

/**
 * The scheduled discovery fallback (EventBridge `rate(1 minute)`; every ~2 s in the local
 * stack): `pollDiscoveryWhilePending` within what is left of the invocation.
 */
export function createDiscoveryPollHandler(compose: Compose<PollDiscoveryDeps>) {
  return lazyHandler(() =>
    createWorkerHandler('discovery-poll', pollInput, async (input, { context }) =>
      pollDiscoveryWhilePending(compose(), {
        scheduled: input.source === 'aws.events',
        ...(input.loopSeconds === undefined ? {} : { loopSeconds: input.loopSeconds }),
        budget: { remainingMs: () => context.getRemainingTimeInMillis() },
      }),
    ),
  );
}
