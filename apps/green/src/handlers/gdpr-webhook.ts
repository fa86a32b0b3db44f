import { gdprTopicFromPath, handleGdprWebhook, parseGdprWebhook } from '@solpay/domain';
import {
  BadRequestError,
  createHttpHandler,
  jsonResponse,
  NotFoundError,
  UnauthorizedError,
} from '@solpay/lambda';
import { createPrismaGdprStore, getAppServices } from '@solpay/services';
import { normalizeShopDomain, readWebhookHeaders, verifyWebhookHmac } from '@solpay/shopify';

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
    // Before the body is parsed: a bad signature is 401 whatever the body (specs §A.6).
    authenticate: ({ rawBody, headers }) => {
      const { apiSecret } = getAppServices().config(['shopify']).shopify;
      if (!verifyWebhookHmac({ rawBody, headers, secret: apiSecret })) {
        throw new UnauthorizedError('Invalid webhook signature');
      }
    },
  },
  async (request) => {
    const services = getAppServices();
    const topic = gdprTopicFromPath(request.path);
    if (topic === undefined) throw new NotFoundError('Unknown privacy webhook topic');
    const meta = readWebhookHeaders(request.headers);
    if (meta.topic !== topic) {
      throw new BadRequestError(
        `Webhook topic header (${meta.topic ?? 'missing'}) does not match ${topic}`,
      );
    }
    if (meta.webhookId === undefined) throw new BadRequestError('Missing webhook id header');
    const shopDomain = normalizeShopDomain(meta.shopDomain ?? '');
    if (shopDomain === null) throw new BadRequestError('Missing or invalid shop domain header');
    const webhook = parseGdprWebhook(topic, request.body);
    if (webhook.payload.shop_domain !== shopDomain) {
      throw new BadRequestError('shop_domain does not match the shop domain header');
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
