import { createWorkerHandler } from '@solpay/lambda';
import { retryMessageSchema } from '@solpay/queue';
import { getAppServices } from '@solpay/services';

/**
 * The retry state machine's Task (after its `Wait`): makes attempt `attempt` of one outbox
 * mutation. Stale or duplicate attempts do nothing; a failed send schedules the next retry
 * itself, so this only throws when the database is unreachable (Step Functions retries that).
 */
export const handler = createWorkerHandler('mutation-retry', retryMessageSchema, async (message) =>
  getAppServices().dispatcher.dispatch(message.mutationId, message.attempt),
);
