import { readConfig } from '@solpay/lambda';
import type { HeliusWebhookRouteDeps } from '@solpay/handlers';
import { processSingleton } from '../shared/process-singleton';
import { rateLimiter } from '../shared/rate-limiter';
import { transactionEngine } from '../shared/transaction-engine';

/** Purple `POST /webhooks/helius`: the transaction engine and the shared delivery budget. */
export const heliusWebhookRoute = /* @__PURE__ */ processSingleton((): HeliusWebhookRouteDeps => {
  const { helius, rateLimits } = readConfig(['helius', 'rateLimits']);
  return {
    engine: transactionEngine(),
    limiter: rateLimiter(),
    deliveriesPerMinute: rateLimits.heliusWebhooksPerMinute,
    webhookSecret: helius.webhookSecret,
  };
});
