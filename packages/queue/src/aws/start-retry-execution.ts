import { ExecutionAlreadyExists, StartExecutionCommand, type SFNClient } from '@aws-sdk/client-sfn';
import { retryExecutionName } from '../retry/execution-name';
import { retryMessageSchema, type RetryMessage } from '../retry/retry-message-schema';

/** Whether {@link startRetryExecution} started a new execution or found the message's one. */
export type StartRetryExecutionResult =
  | { started: true; executionArn: string; name: string }
  | { started: false; duplicate: true; name: string };

/**
 * Starts the retry state machine for one retry-queue message (the SQS consumer's whole job).
 * The execution name is derived from the message, so a redelivered message is a no-op; any
 * other failure throws, which makes the record a batch item failure and SQS redelivers it.
 */
export async function startRetryExecution(
  sfn: SFNClient,
  stateMachineArn: string,
  message: RetryMessage,
): Promise<StartRetryExecutionResult> {
  const input = retryMessageSchema.parse(message);
  const name = retryExecutionName(input);
  try {
    const started = await sfn.send(
      new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) }),
    );
    return { started: true, executionArn: started.executionArn ?? '', name };
  } catch (error) {
    if (error instanceof ExecutionAlreadyExists) return { started: false, duplicate: true, name };
    throw error;
  }
}
