import { retryConsumerWorker } from '@solpay/composition';
import { createRetryConsumerHandler } from '@solpay/handlers';

/** Consumer of the Shopify retry queue (SQS): starts one retry state machine execution per message. */
export const handler = createRetryConsumerHandler(retryConsumerWorker);
