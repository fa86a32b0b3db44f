import { systemClock } from '@solpay/domain';
import { guardFetch, readConfig, reportError } from '@solpay/lambda';
import {
  createMerchantAccessTokens,
  createMutationDispatcher,
  createPrismaMerchantTokenStore,
  DEFAULT_LOCK_MS,
  type MutationDispatcher,
} from '@solpay/queue';
import { createPaymentsAppsClient, refreshAccessToken } from '@solpay/shopify';
import { createNodeHttpFetch, createRetryScheduler } from '@solpay/adapters';
import { createOutboxStore } from '@solpay/persistence';
import { platformLogger } from './platform-logger';
import { prismaClient } from './prisma-client';
import { processSingleton } from './process-singleton';
import { tokenCipher } from './token-cipher';
import { outboxClock } from './outbox-clock';

/**
 * The process's outbox dispatcher: Shopify's Payments Apps API with the merchant's token
 * (refreshed when it expired), retries scheduled on SQS (or left to the sweep without a queue).
 */
export const mutationDispatcher = /* @__PURE__ */ processSingleton(
  (): { dispatcher: MutationDispatcher; release: () => void } => {
    const { shopify, queue } = readConfig(['shopify', 'queue']);
    const log = platformLogger().child({ component: 'outbox' });
    const retry = createRetryScheduler({ queue, logger: log });
    // One client, one pool of kept-alive connections, for both calls to Shopify.
    const shopifyFetch = guardFetch(createNodeHttpFetch({ timeoutMs: shopify.httpTimeoutMs }));
    const dispatcher = createMutationDispatcher({
      outbox: createOutboxStore(prismaClient()),
      paymentsApps: createPaymentsAppsClient({
        apiVersion: shopify.apiVersion,
        adminOrigin: shopify.adminOrigin,
        timeoutMs: shopify.httpTimeoutMs,
        fetch: shopifyFetch,
      }),
      tokens: createMerchantAccessTokens({
        store: createPrismaMerchantTokenStore(prismaClient()),
        cipher: tokenCipher(),
        refresh: ({ shop, refreshToken }) =>
          refreshAccessToken({
            shop,
            refreshToken,
            apiKey: shopify.apiKey,
            apiSecret: shopify.apiSecret,
            adminOrigin: shopify.adminOrigin,
            timeoutMs: shopify.httpTimeoutMs,
            fetch: shopifyFetch,
          }),
        clock: systemClock,
      }),
      scheduler: retry.scheduler,
      clock: outboxClock(),
      // The claim must outlast one real send (Shopify timeout included) in wall time; on a scaled
      // clock an unscaled 2 min would expire within the send and let a second worker resend.
      lockMs: DEFAULT_LOCK_MS / queue.retryTimeScale,
      alert: (alert) => {
        log.error(`ALERT ${alert.reason}: ${alert.message}`, { ...alert });
        reportError(new Error(alert.message), { handler: 'outbox', ...alert });
      },
      logger: log,
    });
    return { dispatcher, release: () => retry.sqs?.destroy() };
  },
  (built) => built.release(),
);
