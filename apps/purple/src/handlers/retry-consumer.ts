import { createSqsHandler, InternalError } from '@solpay/lambda';
import { retryMessageSchema, startRetryExecution } from '@solpay/queue';
import { getAppServices } from '@solpay/services';

/**
 * Consumer of the Shopify retry queue (SQS): each message starts one execution of the retry
 * state machine, named after the message so a redelivery is a no-op. Failed records are
 * reported as batch item failures and redelivered by SQS (then dead-lettered).
 */
export const handler = createSqsHandler('retry-consumer', retryMessageSchema, async (message) => {
  const services = getAppServices();
  const arn = services.config(['queue']).queue.retryStateMachineArn;
  if (!arn) throw new InternalError('RETRY_STATE_MACHINE_ARN is not configured');
  await startRetryExecution(services.sfn, arn, message);
});
