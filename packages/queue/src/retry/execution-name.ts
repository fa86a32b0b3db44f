import type { RetryMessage } from './retry-message-schema';

/**
 * Step Functions execution name for a retry message. The same message delivered twice gets the
 * same name, so the second `StartExecution` is ignored; a replayed mutation (new `dueAt`) gets a new
 * one. Only `[A-Za-z0-9-_]`, at most 80 characters.
 */
export function retryExecutionName(message: RetryMessage): string {
  return `${message.mutationId}-${message.attempt}-${Date.parse(message.dueAt)}`;
}
