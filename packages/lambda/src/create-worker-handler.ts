import type { Context } from 'aws-lambda';
import type * as z from 'zod';
import { readConfig } from './config/read-config';
import { createInvocationLogger } from './handlers/invocation-logger';
import type { WorkerOptions } from './handlers/worker-options';
import { isExpectedError } from './handlers/is-expected-error';
import { toValidationError } from './http/to-validation-error';
import type { Logger } from './logging/logger';
import { reportError } from './sentry/report-error';
import { withSentry } from './sentry/with-sentry';

/** What a worker function gets besides its input. */
export interface WorkerTools {
  /** Bound to the Lambda request id and the handler name. */
  logger: Logger;
  context: Context;
}

/**
 * Builds a handler for a non-HTTP event (schedule, Step Functions task): parses the input with
 * `schema` (a mismatch throws an `InvalidInputError` naming the field), runs `fn`, logs the outcome
 * and rethrows failures unchanged so that Step Functions can retry or catch them by error name.
 * Unexpected failures are reported to Sentry.
 */
export function createWorkerHandler<TSchema extends z.ZodType, TResult>(
  name: string,
  schema: TSchema,
  fn: (input: z.output<TSchema>, tools: WorkerTools) => Promise<TResult>,
  options: WorkerOptions = {},
): (event: unknown, context: Context) => Promise<TResult> {
  const runtime = options.runtime ?? readConfig(['runtime']).runtime;
  const handler = async (event: unknown, context: Context): Promise<TResult> => {
    const logger = createInvocationLogger(runtime, name, context, options);
    const startedAt = performance.now();
    const durationMs = () => Math.round((performance.now() - startedAt) * 10) / 10;
    try {
      const parsed = await schema.safeParseAsync(event);
      if (!parsed.success) throw toValidationError(parsed.error);
      const result = await fn(parsed.data, { logger, context });
      logger.debug('worker done', { durationMs: durationMs() });
      return result;
    } catch (error) {
      if (isExpectedError(error)) {
        logger.warn('worker failed', { durationMs: durationMs(), error });
      } else {
        logger.error('worker failed', { durationMs: durationMs(), error });
        reportError(error, {
          ...(context?.awsRequestId ? { requestId: context.awsRequestId } : {}),
          handler: name,
        });
      }
      throw error;
    }
  };
  return withSentry(handler, runtime);
}
