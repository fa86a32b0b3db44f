import { runDiscoveryPoll } from '@solpay/domain';
import { createWorkerHandler } from '@solpay/lambda';
import { getAppServices } from '@solpay/services';
import { z } from 'zod';

/**
 * The scheduled discovery fallback (EventBridge `rate(1 minute)`; every ~2 s in the local
 * stack): settles committed served transactions, expires stale ones, rejects expired payments
 * (guard burned first), retries unfinished rejects and sweeps guard rent. Returns the counts.
 */
export const handler = createWorkerHandler('discovery-poll', z.unknown(), async () =>
  runDiscoveryPoll(getAppServices().engine),
);
