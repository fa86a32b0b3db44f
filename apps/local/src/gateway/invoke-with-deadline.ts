import type { Context } from 'aws-lambda';
import { createInvocationScope, runInInvocationScope, type InvocationIo } from '@solpay/lambda';
import { createLambdaContext } from './lambda-context';
import type { LambdaHandler } from './lambda-handler-loader';
import type { LambdaFunction } from './lambda-route';

/** Options of {@link invokeWithDeadline}. */
export interface InvokeWithDeadlineOptions {
  /** `awsRequestId` of the invocation. */
  requestId: string;
  /**
   * The caller's own limit (API Gateway's integration timeout); the caller stops waiting then
   * even if the function's timeout is longer, but the invocation runs on to its own timeout.
   */
  callerLimitMs?: number;
  /** Told how an invocation that was abandoned or given up on eventually ended. */
  onLateEnd?: (outcome: string) => void;
}

/** How an invocation ended as its caller saw it. */
export type InvocationOutcome =
  | { kind: 'returned'; value: unknown; io: InvocationIo }
  | { kind: 'threw'; error: unknown; io: InvocationIo }
  /** The function passed its `timeout`: Lambda stops it and its remaining work is abandoned. */
  | { kind: 'function-timeout'; io: InvocationIo }
  /** The caller's limit came first (the function may still be running). */
  | { kind: 'caller-timeout'; io: InvocationIo };

/**
 * Runs `handler` the way Lambda holds an invocation to its timeout: with a context whose
 * remaining time counts down from the function's `timeout`, inside an invocation scope whose
 * signal is aborted at that deadline. Aborting is how the local runtime stands in for
 * Lambda's freeze: database statements, commits and outbound calls the invocation still
 * attempts are refused (see `assertInvocationLive`), so an abandoned invocation writes nothing.
 */
export async function invokeWithDeadline(
  fn: LambdaFunction,
  handler: LambdaHandler,
  event: unknown,
  options: InvokeWithDeadlineOptions,
): Promise<InvocationOutcome> {
  const functionMs = fn.timeoutSeconds * 1000;
  const controller = new AbortController();
  const scope = createInvocationScope(fn.name, controller.signal);
  const context: Context = createLambdaContext(fn, options.requestId);
  const running = runInInvocationScope(scope, () => Promise.resolve(handler(event, context)));

  let functionTimer: NodeJS.Timeout | undefined;
  let callerTimer: NodeJS.Timeout | undefined;
  const functionTimeout = new Promise<InvocationOutcome>((resolve) => {
    functionTimer = setTimeout(() => {
      controller.abort(new Error(`${fn.name} timed out after ${fn.timeoutSeconds} s`));
      resolve({ kind: 'function-timeout', io: scope.io });
    }, functionMs);
  });
  const callerTimeout =
    options.callerLimitMs !== undefined && options.callerLimitMs < functionMs
      ? new Promise<InvocationOutcome>((resolve) => {
          callerTimer = setTimeout(
            () => resolve({ kind: 'caller-timeout', io: scope.io }),
            options.callerLimitMs,
          );
        })
      : new Promise<InvocationOutcome>(() => undefined);
  const settled = running.then(
    (value): InvocationOutcome => ({ kind: 'returned', value, io: scope.io }),
    (error: unknown): InvocationOutcome => ({ kind: 'threw', error, io: scope.io }),
  );

  const outcome = await Promise.race([settled, functionTimeout, callerTimeout]);
  clearTimeout(callerTimer);
  if (outcome.kind === 'returned' || outcome.kind === 'threw') {
    clearTimeout(functionTimer);
    return outcome;
  }
  void settled.then((late) => {
    clearTimeout(functionTimer);
    options.onLateEnd?.(
      late.kind === 'threw'
        ? `threw ${late.error instanceof Error ? `${late.error.name}: ${late.error.message}` : String(late.error)}`
        : 'returned',
    );
  });
  return outcome;
}
