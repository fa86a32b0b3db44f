import { handleAppUninstalled, systemClock } from '@solpay/domain';
import { createHttpHandler, jsonResponse } from '@solpay/lambda';
import {
  authenticateShopifyWebhook,
  createPrismaAppUninstalledStore,
  getAppServices,
  readShopifyWebhookHeaders,
} from '@solpay/services';

/**
 * `POST /webhooks/app/uninstalled` (green) and `/webhooks/shopify/app/uninstalled` (purple,
 * ADR 0004): the shop removed the app. HMAC of the raw body (401 otherwise, before parsing);
 * de-duplicated by webhook id; the merchant is marked uninstalled and its tokens are deleted.
 */
export const handler = createHttpHandler(
  { name: 'app-uninstalled', maxBodyBytes: 64 * 1024, authenticate: authenticateShopifyWebhook },
  async (request) => {
    const services = getAppServices();
    const webhook = readShopifyWebhookHeaders(request.headers, 'app/uninstalled');
    const outcome = await handleAppUninstalled(
      {
        store: createPrismaAppUninstalledStore(services.prisma),
        clock: systemClock,
        logger: services.logger,
      },
      { webhookId: webhook.webhookId, shopDomain: webhook.shopDomain },
    );
    return jsonResponse(200, { received: true, outcome });
  },
);
