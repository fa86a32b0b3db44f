import type { SFNClient } from '@aws-sdk/client-sfn';
import { createSqsHandler } from '@solpay/lambda';
import { MisconfigurationError } from '@solpay/domain';
import { retryMessageSchema, startRetryExecution } from '@solpay/queue';
import type { Compose } from '../compose';
import { lazyHandler } from '../lazy-handler';

/** What the retry consumer uses. */
export interface RetryConsumerDeps {
  /** `RETRY_STATE_MACHINE_ARN`, when configured. */
  stateMachineArn: string | undefined;
  /** The Step Functions client (built on the first message). */
  sfn(): SFNClient;
}

/**
 * Consumer of the Shopify retry queue (SQS): each message starts one execution of the retry
 * state machine, named after the message so a redelivery is a no-op. Failed records are
 * reported as batch item failures and redelivered by SQS (then dead-lettered).
 */
export function createRetryConsumerHandler(compose: Compose<RetryConsumerDeps>) {
  return lazyHandler(() =>
    createSqsHandler('retry-consumer', retryMessageSchema, async (message) => {
      const deps = compose();
      const arn = deps.stateMachineArn;
      if (!arn) throw new MisconfigurationError('RETRY_STATE_MACHINE_ARN is not configured');
      await startRetryExecution(deps.sfn(), arn, message);
    }),
  );
}
