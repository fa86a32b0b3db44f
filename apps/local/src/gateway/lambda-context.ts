import { randomBytes } from 'node:crypto';
import type { Context } from 'aws-lambda';
import type { LambdaFunction } from './lambda-route';

/**
 * A Lambda-like invocation context: names derived from the function, the request id as
 * `awsRequestId`, and `getRemainingTimeInMillis` counting down from the function timeout.
 */
export function createLambdaContext(
  fn: LambdaFunction,
  requestId: string,
  now = Date.now(),
): Context {
  const functionName = `solana-pay-shopify-local-${fn.name}`;
  const deadline = now + fn.timeoutSeconds * 1000;
  const day = new Date(now).toISOString().slice(0, 10).replace(/-/g, '/');
  const unsupported = () => {
    throw new Error('Callback-style completion is not supported on nodejs24.x; return a promise');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    memoryLimitInMB: String(fn.memorySize),
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `${day}/[$LATEST]${randomBytes(16).toString('hex')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}
