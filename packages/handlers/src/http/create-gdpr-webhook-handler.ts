import { gdprTopicFromPath, receiveGdprWebhook, type HandleGdprWebhookDeps } from '@solpay/domain';
import { createHttpHandler, jsonResponse, type HttpLambdaHandler } from '@solpay/lambda';
import { UnknownRecordError } from '@solpay/domain';
import {
  readShopifyWebhookHeaders,
  shopifyWebhookAuthenticator,
} from '../webhooks/verify-shopify-webhook';
import type { Compose } from '../compose';
import { lazyHandler } from '../lazy-handler';

/** What the privacy webhook routes use. */
export interface GdprWebhookRouteDeps {
  gdpr: HandleGdprWebhookDeps;
  /** `SHOPIFY_API_SECRET`: signs Shopify's webhooks. */
  apiSecret: string;
}

/**
 * Green `POST /gdpr/customers/data_request`, `/gdpr/customers/redact`, `/gdpr/shop/redact`:
 * Shopify's mandatory privacy webhooks (specs §A.6). The HMAC of the raw body (client secret,
 * either header family, constant time) must match, else 401 — checked before the body is parsed,
 * so a malformed body with a bad signature is 401 too. The topic comes from the path and must
 * equal the topic header; the shop header must be a `*.myshopify.com` domain; then
 * `receiveGdprWebhook` checks the payload and acts on it once per webhook id.
 */
export function createGdprWebhookHandler(
  compose: Compose<GdprWebhookRouteDeps>,
): HttpLambdaHandler {
  return lazyHandler(() =>
    createHttpHandler(
      {
        name: 'gdpr-webhook',
        maxBodyBytes: 256 * 1024,
        authenticate: shopifyWebhookAuthenticator(() => compose().apiSecret),
      },
      async (request) => {
        const topic = gdprTopicFromPath(request.path);
        if (topic === undefined) throw new UnknownRecordError('Unknown privacy webhook topic');
        const meta = readShopifyWebhookHeaders(request.headers, topic);
        const outcome = await receiveGdprWebhook(compose().gdpr, {
          topic,
          webhookId: meta.webhookId,
          shopDomain: meta.shopDomain,
          ...(meta.triggeredAt ? { triggeredAt: meta.triggeredAt } : {}),
          body: request.body,
        });
        return jsonResponse(200, { received: true, duplicate: outcome.duplicate });
      },
    ),
  );
}
