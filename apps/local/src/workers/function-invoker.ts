import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createLambdaContext } from '../gateway/lambda-context';
import { createLambdaHandlerLoader } from '../gateway/lambda-handler-loader';
import { loadServerlessFunctions } from '../gateway/load-serverless-functions';

/** Invokes a serverless.yml function by name, the way Lambda would (event + context). */
export type FunctionInvoker = (functionName: string, event: unknown) => Promise<unknown>;

/**
 * Creates a {@link FunctionInvoker} over the functions of `<rootDir>/serverless.yml`, so the
 * local stand-ins of schedules and queues run exactly the handlers that deploy. Modules load on
 * first use and are shared with the gateways (same module cache).
 */
export function createFunctionInvoker(rootDir: string): FunctionInvoker {
  const functions = loadServerlessFunctions(join(rootDir, 'serverless.yml'));
  const loader = createLambdaHandlerLoader();
  return async (functionName, event) => {
    const fn = functions.find((candidate) => candidate.name === functionName);
    if (!fn) throw new Error(`serverless.yml has no function ${functionName}`);
    const handler = await loader.load(fn);
    return handler(event, createLambdaContext(fn, randomUUID()));
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
