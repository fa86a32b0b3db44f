import {
  parseGdprWebhook,
  gdprTopicFromPath,
  handleGdprWebhook,
  MalformedRequestError,
  UnknownRecordError,
} from '@solpay/domain';
import { createHttpHandler, jsonResponse } from '@solpay/lambda';
import {
  authenticateShopifyWebhook,
  createPrismaGdprStore,
  getAppServices,
  readShopifyWebhookHeaders,
} from '@solpay/services';

/**
 * `POST /gdpr/customers/data_request`, `/gdpr/customers/redact`, `/gdpr/shop/redact` (green):
 * Shopify's mandatory privacy webhooks (specs §A.6). The HMAC of the raw body (client secret,
 * either header family, constant time) must match, else 401 — checked before the body is parsed,
 * so a malformed body with a bad signature is 401 too. The topic comes from the path and
 * must equal the topic header; the shop header must be a `*.myshopify.com` domain equal to the
 * payload's `shop_domain`. The request is recorded and acted on in one transaction, keyed by
 * the webhook id: a replay answers 200 with no second effect.
 */
export const handler = createHttpHandler(
  {
    name: 'gdpr-webhook',
    maxBodyBytes: 256 * 1024,
    authenticate: authenticateShopifyWebhook,
  },
  async (request) => {
    const services = getAppServices();
    const topic = gdprTopicFromPath(request.path);
    if (topic === undefined) throw new UnknownRecordError('Unknown privacy webhook topic');
    const meta = readShopifyWebhookHeaders(request.headers, topic);
    const shopDomain = meta.shopDomain;
    const webhook = parseGdprWebhook(topic, request.body);
    if (webhook.payload.shop_domain !== shopDomain) {
      throw new MalformedRequestError('shop_domain does not match the shop domain header');
    }
    const outcome = await handleGdprWebhook(
      { gdpr: createPrismaGdprStore(services.prisma), logger: services.logger },
      {
        webhookId: meta.webhookId,
        shopDomain,
        webhook,
        ...(meta.triggeredAt ? { triggeredAt: meta.triggeredAt } : {}),
      },
    );
    return jsonResponse(200, { received: true, duplicate: outcome.outcome === 'duplicate' });
  },
);
