import type { QueueLogger } from '../ports/queue-logger';
import type { RetryScheduler } from '../ports/retry-scheduler';

/**
 * A {@link RetryScheduler} for processes without access to the retry queue (e.g. an operator CLI
 * run against a database only): a retry stays a PENDING row with its due time, which the outbox
 * sweep of the running stack sends; exhaustion is logged (the row itself is EXHAUSTED).
 */
export function createOutboxOnlyRetryScheduler(logger: QueueLogger): RetryScheduler {
  return {
    async schedule(message) {
      logger.info('retry left to the outbox sweep', { ...message });
    },
    async deadLetter(message) {
      logger.error('mutation exhausted (no dead-letter queue configured)', { ...message });
    },
  };
}
