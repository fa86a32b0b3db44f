import type { DeadLetterMessage } from '../retry/dead-letter-message-schema';
import type { RetryMessage } from '../retry/retry-message-schema';

/** Where the dispatcher hands retries and exhausted mutations (SQS in AWS, fauxqs locally). */
export interface RetryScheduler {
  /** Arranges for attempt `message.attempt` to run after `message.delaySeconds`. */
  schedule(message: RetryMessage): Promise<void>;
  /** Parks an exhausted mutation on the dead-letter queue. */
  deadLetter(message: DeadLetterMessage): Promise<void>;
}
