import type {
  Context,
  SQSBatchItemFailure,
  SQSBatchResponse,
  SQSEvent,
  SQSRecord,
} from 'aws-lambda';
import type * as z from 'zod';
import { readConfig } from './config/read-config';
import { MalformedRequestError } from '@solpay/domain';
import { createInvocationLogger } from './handlers/invocation-logger';
import type { WorkerOptions } from './handlers/worker-options';
import { toValidationError } from './http/to-validation-error';
import type { Logger } from './logging/logger';
import { reportError } from './sentry/report-error';
import { withSentry } from './sentry/with-sentry';

/** What an SQS message function gets besides the message. */
export interface SqsMessageTools {
  /** Bound to the Lambda request id, the handler name and the message id. */
  logger: Logger;
  /** The raw record (attributes, receive count, ...). */
  record: SQSRecord;
  context: Context;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MalformedRequestError('Message body is not JSON', { cause: error });
  }
}

/**
 * Builds an SQS handler with partial batch failures: each record's JSON body is parsed with
 * `messageSchema` and given to `fn`; records whose body does not parse or whose `fn` throws are
 * returned in `batchItemFailures` (so only they are retried), the others succeed. On a FIFO
 * queue records run in order and, after a failure, the rest of the batch is failed unprocessed
 * to keep the order. Requires `functionResponseType: ReportBatchItemFailures` on the mapping.
 */
export function createSqsHandler<TSchema extends z.ZodType>(
  name: string,
  messageSchema: TSchema,
  fn: (message: z.output<TSchema>, tools: SqsMessageTools) => Promise<void>,
  options: WorkerOptions = {},
): (event: SQSEvent, context: Context) => Promise<SQSBatchResponse> {
  const runtime = options.runtime ?? readConfig(['runtime']).runtime;

  const handler = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
    const logger = createInvocationLogger(runtime, name, context, options);

    const processRecord = async (record: SQSRecord): Promise<boolean> => {
      const recordLogger = logger.child({ messageId: record.messageId });
      try {
        const parsed = await messageSchema.safeParseAsync(parseJson(record.body));
        if (!parsed.success) throw toValidationError(parsed.error, 'body');
        await fn(parsed.data, { logger: recordLogger, record, context });
        return true;
      } catch (error) {
        recordLogger.error('message failed', {
          error,
          receiveCount: record.attributes?.ApproximateReceiveCount,
        });
        reportError(error, {
          ...(context?.awsRequestId ? { requestId: context.awsRequestId } : {}),
          handler: name,
          messageId: record.messageId,
        });
        return false;
      }
    };

    const records = event.Records ?? [];
    const failures: SQSBatchItemFailure[] = [];
    const isFifo = records.some((record) => record.eventSourceARN?.endsWith('.fifo'));
    if (isFifo) {
      let failed = false;
      for (const record of records) {
        if (failed || !(await processRecord(record))) {
          failed = true;
          failures.push({ itemIdentifier: record.messageId });
        }
      }
    } else {
      const outcomes = await Promise.all(records.map(processRecord));
      records.forEach((record, index) => {
        if (!outcomes[index]) failures.push({ itemIdentifier: record.messageId });
      });
    }
    logger.info('batch done', { records: records.length, failed: failures.length });
    return { batchItemFailures: failures };
  };

  return withSentry(handler, runtime);
}
