import { startLocalRetryInfrastructure } from '@solpay/queue';
import { join } from 'node:path';
import type { BackgroundWorker } from './background-worker';
import { createFunctionInvoker } from './function-invoker';

function timeScaleFromEnv(): number {
  const scale = Number(process.env.RETRY_TIME_SCALE ?? '1');
  return Number.isFinite(scale) && scale >= 0 ? scale : 1;
}

/**
 * The local stand-in of the retry path (DESIGN §3.3): a fauxqs SQS server with the retry queue
 * and its dead-letter queue, a consumer in place of `retryConsumer`, and for every message an
 * execution of the `shopifyRetry` state machine read from serverless.yml whose Task invokes the
 * real `mutationRetry` handler. It points the app at those queues (`RETRY_QUEUE_URL`,
 * `RETRY_DEAD_LETTER_QUEUE_URL`, `AWS_ENDPOINT_URL_SQS`, unless already set) — so it must start
 * before anything sends a Shopify mutation — and removes them again when stopped. Waits are
 * scaled by `RETRY_TIME_SCALE` (default 1: real back-off).
 */
export const retryQueueWorker: BackgroundWorker = {
  name: 'Shopify retry queue (fauxqs + Step Functions)',
  async start(context) {
    const invoke = createFunctionInvoker(context.rootDir, context.log);
    const infra = await startLocalRetryInfrastructure({
      timeScale: timeScaleFromEnv(),
      serverlessYmlPath: join(context.rootDir, 'serverless.yml'),
      dispatch: (message) => invoke('mutationRetry', message),
      logger: {
        info: () => undefined,
        warn: (message, fields) =>
          context.log(`retry queue: ${message} ${JSON.stringify(fields ?? {})}`),
        error: (message, fields) =>
          context.log(`retry queue: ${message} ${JSON.stringify(fields ?? {})}`),
      },
    });
    const set: string[] = [];
    const setDefault = (key: string, value: string) => {
      if (process.env[key]) return;
      process.env[key] = value;
      set.push(key);
    };
    setDefault('RETRY_QUEUE_URL', infra.queueUrl);
    setDefault('RETRY_DEAD_LETTER_QUEUE_URL', infra.dlqUrl);
    setDefault('AWS_ENDPOINT_URL_SQS', infra.endpoint);
    return async () => {
      for (const key of set) delete process.env[key];
      await infra.close();
    };
  },
};
