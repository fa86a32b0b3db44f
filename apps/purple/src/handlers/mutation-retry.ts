import { mutationRetryWorker } from '@solpay/composition';
import { createMutationRetryHandler } from '@solpay/handlers';

/** The retry state machine's Task: one attempt of one outbox mutation. */
export const handler = createMutationRetryHandler(mutationRetryWorker);
