import {
  handleAppUninstalled,
  type AppUninstalledStorePort,
  type Clock,
  type DomainLogger,
} from '@solpay/domain';
import { createHttpHandler, jsonResponse, type HttpLambdaHandler } from '@solpay/lambda';
import {
  readShopifyWebhookHeaders,
  shopifyWebhookAuthenticator,
} from '../webhooks/verify-shopify-webhook';
import type { Compose } from '../compose';
import { lazyHandler } from '../lazy-handler';

/** What the app/uninstalled webhook route uses. */
export interface AppUninstalledRouteDeps {
  uninstall: { store: AppUninstalledStorePort; clock: Clock; logger: DomainLogger };
  /** `SHOPIFY_API_SECRET`: signs Shopify's webhooks. */
  apiSecret: string;
}

/**
 * `POST /webhooks/app/uninstalled` (green) and `/webhooks/shopify/app/uninstalled` (purple,
 * ADR 0004): the shop removed the app. HMAC of the raw body (401 otherwise, before parsing);
 * de-duplicated by webhook id; the merchant is marked uninstalled and its tokens are deleted.
 */
export function createAppUninstalledHandler(
  compose: Compose<AppUninstalledRouteDeps>,
): HttpLambdaHandler {
  return lazyHandler(() =>
    createHttpHandler(
      {
        name: 'app-uninstalled',
        maxBodyBytes: 64 * 1024,
        authenticate: shopifyWebhookAuthenticator(() => compose().apiSecret),
      },
      async (request) => {
        const webhook = readShopifyWebhookHeaders(request.headers, 'app/uninstalled');
        const outcome = await handleAppUninstalled(compose().uninstall, {
          webhookId: webhook.webhookId,
          shopDomain: webhook.shopDomain,
        });
        return jsonResponse(200, { received: true, outcome });
      },
    ),
  );
}
