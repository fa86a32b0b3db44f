import type { QueueConfig } from '@solpay/lambda';
import {
  lazySqsMessageSender,
  SqsRetryScheduler,
  type QueueLogger,
  type RetryScheduler,
  type SqsMessageSender,
} from '@solpay/queue';

/** Credentials for a local SQS emulator (fauxqs ignores them; the SDK insists on some). */
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** Options of {@link createRetryScheduler}. */
export interface CreateRetrySchedulerOptions {
  queue: QueueConfig;
  logger: QueueLogger;
}

/** A retry scheduler and the SQS sender it owns (null without a queue). */
export interface RetrySchedulerHandle {
  scheduler: RetryScheduler;
  sqs: SqsMessageSender | null;
}

/**
 * The dispatcher's {@link RetryScheduler}: SQS when `RETRY_QUEUE_URL` is set (pointed at
 * `AWS_ENDPOINT_URL_SQS` locally; the SDK is loaded at the first retry), otherwise retries stay PENDING outbox rows with a due time
 * that the outbox sweep sends — logged, never dropped. Dead letters go to the dead-letter queue
 * when `RETRY_DEAD_LETTER_QUEUE_URL` is set; otherwise they are logged as errors (the row itself is EXHAUSTED and
 * an alert was raised).
 */
export function createRetryScheduler(options: CreateRetrySchedulerOptions): RetrySchedulerHandle {
  const { queue, logger } = options;
  const deadLetterQueueUrl = queue.retryDeadLetterQueueUrl;
  const logDeadLetter: RetryScheduler['deadLetter'] = async (message) => {
    logger.error('mutation exhausted; no dead-letter queue configured', { ...message });
  };
  if (!queue.retryQueueUrl) {
    logger.warn('no retry queue configured: failed Shopify mutations wait for the outbox sweep');
    return {
      sqs: null,
      scheduler: {
        async schedule(message) {
          logger.info('retry left to the outbox sweep', { ...message });
        },
        deadLetter: logDeadLetter,
      },
    };
  }
  const sqs = lazySqsMessageSender(
    (sdk) =>
      new sdk.SQSClient(
        queue.sqsEndpoint
          ? { endpoint: queue.sqsEndpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS }
          : {},
      ),
  );
  const sqsScheduler = new SqsRetryScheduler({
    sqs,
    queueUrl: queue.retryQueueUrl,
    deadLetterQueueUrl: deadLetterQueueUrl ?? queue.retryQueueUrl,
  });
  return {
    sqs,
    scheduler: {
      schedule: (message) => sqsScheduler.schedule(message),
      deadLetter: deadLetterQueueUrl
        ? (message) => sqsScheduler.deadLetter(message)
        : logDeadLetter,
    },
  };
}
