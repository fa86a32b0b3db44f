import type { BackgroundWorker } from './background-worker';
import { retryQueueWorker } from './retry-queue-worker';
import { scheduleWorker } from './schedule-worker';

/** How often the local discovery poll runs (AWS: every minute; locally the page wants it fast). */
export const LOCAL_DISCOVERY_POLL_MS = 2_000;

/** How often the local outbox sweep runs (AWS: every minute). */
export const LOCAL_OUTBOX_SWEEP_MS = 10_000;

/**
 * EXTENSION POINT — the background workers of `npm start`, started in order after the gateways
 * (and stopped in reverse order): the retry queue first (it sets the queue URLs the outbox
 * dispatcher reads), then the local stand-ins of the two schedules in serverless.yml.
 */
export const backgroundWorkers: BackgroundWorker[] = [
  retryQueueWorker,
  // The local timer already runs every 2 s, so one pass per run (no in-invocation loop).
  scheduleWorker({
    functionName: 'discoveryPoll',
    intervalMs: LOCAL_DISCOVERY_POLL_MS,
    input: { loopSeconds: 0 },
  }),
  scheduleWorker({ functionName: 'outboxSweep', intervalMs: LOCAL_OUTBOX_SWEEP_MS }),
];
