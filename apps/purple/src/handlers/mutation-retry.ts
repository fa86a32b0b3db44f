import { createMutationRetryHandler, mutationRetryWorker } from '@solpay/services';

/** The retry state machine's Task: one attempt of one outbox mutation. */
export const handler = createMutationRetryHandler(mutationRetryWorker);
