import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { invokeWithDeadline } from '../gateway/invoke-with-deadline';
import { createLambdaHandlerLoader } from '../gateway/lambda-handler-loader';
import { loadServerlessFunctions } from '../gateway/load-serverless-functions';

/** Invokes a serverless.yml function by name, the way Lambda would (event + context). */
export type FunctionInvoker = (functionName: string, event: unknown) => Promise<unknown>;

/** Thrown to the local scheduler or queue when an invocation passed its function's timeout. */
export class FunctionTimeoutError extends Error {
  constructor(functionName: string, timeoutSeconds: number) {
    super(`Task timed out after ${timeoutSeconds} seconds (${functionName})`);
    this.name = 'FunctionTimeoutError';
  }
}

/**
 * Creates a {@link FunctionInvoker} over the functions of `<rootDir>/serverless.yml`, so the
 * local stand-ins of schedules and queues run exactly the handlers that deploy. Modules load on
 * first use and are shared with the gateways (same module cache). Each invocation is held to
 * its function's `timeout` as Lambda does (see `invokeWithDeadline`): past it the invoker
 * rejects with {@link FunctionTimeoutError} and the invocation's remaining work is abandoned.
 */
export function createFunctionInvoker(
  rootDir: string,
  log: (line: string) => void = () => undefined,
): FunctionInvoker {
  const functions = loadServerlessFunctions(join(rootDir, 'serverless.yml'));
  const loader = createLambdaHandlerLoader();
  return async (functionName, event) => {
    const fn = functions.find((candidate) => candidate.name === functionName);
    if (!fn) throw new Error(`serverless.yml has no function ${functionName}`);
    const handler = await loader.load(fn);
    const outcome = await invokeWithDeadline(fn, handler, event, {
      requestId: randomUUID(),
      onLateEnd: (end) => log(`abandoned invocation of ${fn.name} ${end}`),
    });
    if (outcome.kind === 'returned') return outcome.value;
    if (outcome.kind === 'threw') throw outcome.error;
    throw new FunctionTimeoutError(fn.name, fn.timeoutSeconds);
  };
}

/** The event EventBridge sends to a `schedule` function. */
export function scheduledEvent(now = new Date()): Record<string, unknown> {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '000000000000',
    time: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: 'us-east-1',
    resources: [],
    detail: {},
  };
}
