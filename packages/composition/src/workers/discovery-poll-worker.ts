import { setTimeout as sleep } from 'node:timers/promises';
import type { PollDiscoveryDeps } from '@solpay/domain';
import { platformLogger } from '../shared/platform-logger';
import { processSingleton } from '../shared/process-singleton';
import { rateLimiter } from '../shared/rate-limiter';
import { transactionEngine } from '../shared/transaction-engine';

/** The scheduled discovery poll: the transaction engine, and the rate-limit counters to prune. */
export const discoveryPollWorker = /* @__PURE__ */ processSingleton((): PollDiscoveryDeps => ({
  engine: transactionEngine(),
  pruneRateLimitCounters: () => rateLimiter().pruneExpired(),
  sleep: (ms) => sleep(ms),
  logger: platformLogger(),
}));
