import type { SFNClient } from '@aws-sdk/client-sfn';
import { createSqsHandler } from '@solpay/lambda';
import { retryMessageSchema, startRetryExecution } from '@solpay/queue';
import { createSfnClient, getAppServices } from '@solpay/services';
import { MisconfigurationError } from '@solpay/domain';

/** One Step Functions client per instance, built on the first message. */
let sfn: SFNClient | undefined;

/**
 * Consumer of the Shopify retry queue (SQS): each message starts one execution of the retry
 * state machine, named after the message so a redelivery is a no-op. Failed records are
 * reported as batch item failures and redelivered by SQS (then dead-lettered).
 */
export const handler = createSqsHandler('retry-consumer', retryMessageSchema, async (message) => {
  const { queue } = getAppServices().config(['queue']);
  const arn = queue.retryStateMachineArn;
  if (!arn) throw new MisconfigurationError('RETRY_STATE_MACHINE_ARN is not configured');
  sfn ??= createSfnClient(queue);
  await startRetryExecution(sfn, arn, message);
});
