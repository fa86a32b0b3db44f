import type { Context } from 'aws-lambda';
import type { RuntimeConfig } from '../config/sections/runtime-section';
import { createLogger, type Logger } from '../logging/logger';
import type { WorkerOptions } from './worker-options';

/** The logger of one non-HTTP invocation: the handler's name and the Lambda request id. */
export function createInvocationLogger(
  runtime: RuntimeConfig,
  name: string,
  context: Context | undefined,
  options: WorkerOptions,
): Logger {
  const requestId = context?.awsRequestId;
  return createLogger({
    service: runtime.serviceName,
    level: runtime.logLevel,
    ...(requestId ? { requestId } : {}),
    fields: { handler: name },
    ...(options.logWrite ? { write: options.logWrite } : {}),
  });
}
