import { createWorkerHandler } from '@solpay/lambda';
import { retryMessageSchema, type MutationDispatcher } from '@solpay/queue';
import type { Compose } from '../compose';
import { lazyHandler } from '../lazy-handler';

/**
 * The retry state machine's Task (after its `Wait`): makes attempt `attempt` of one outbox
 * mutation. Stale or duplicate attempts do nothing; a failed send schedules the next retry
 * itself, so this only throws when the database is unreachable (Step Functions retries that).
 */
export function createMutationRetryHandler(
  compose: Compose<{ dispatcher: Pick<MutationDispatcher, 'dispatch'> }>,
) {
  return lazyHandler(() =>
    createWorkerHandler('mutation-retry', retryMessageSchema, async (message) =>
      compose().dispatcher.dispatch(message.mutationId, message.attempt),
    ),
  );
}
