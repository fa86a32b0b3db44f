import { createRetryConsumerHandler, retryConsumerWorker } from '@solpay/services';

/** Consumer of the Shopify retry queue (SQS): starts one retry state machine execution per message. */
export const handler = createRetryConsumerHandler(retryConsumerWorker);
