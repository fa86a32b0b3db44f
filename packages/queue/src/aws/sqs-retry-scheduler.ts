import type { RetryScheduler } from '../ports/retry-scheduler';
import {
  deadLetterMessageSchema,
  type DeadLetterMessage,
} from '../retry/dead-letter-message-schema';
import { retryMessageSchema, type RetryMessage } from '../retry/retry-message-schema';
import type { SqsMessageSender } from './sqs-message-sender';

/** Where {@link SqsRetryScheduler} sends its messages. */
export interface SqsRetrySchedulerOptions {
  sqs: SqsMessageSender;
  /** URL of `ShopifyRetryQueue` (its consumer starts the retry state machine). */
  queueUrl: string;
  /** URL of `ShopifyRetryDeadLetterQueue`. */
  deadLetterQueueUrl: string;
}

/**
 * {@link RetryScheduler} on SQS. The delay is not an SQS delay (capped at 15 min) but travels in
 * the message: the consumer starts a Step Functions execution whose `Wait` state sleeps it.
 */
export class SqsRetryScheduler implements RetryScheduler {
  constructor(private readonly options: SqsRetrySchedulerOptions) {}

  /** Sends a validated retry message to the retry queue. */
  async schedule(message: RetryMessage): Promise<void> {
    const body = retryMessageSchema.parse(message);
    await this.options.sqs.send(this.options.queueUrl, JSON.stringify(body));
  }

  /** Sends a validated exhausted-mutation message to the dead-letter queue. */
  async deadLetter(message: DeadLetterMessage): Promise<void> {
    const body = deadLetterMessageSchema.parse(message);
    await this.options.sqs.send(this.options.deadLetterQueueUrl, JSON.stringify(body));
  }
}
