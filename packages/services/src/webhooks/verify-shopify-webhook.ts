import { type HttpAuthenticate } from '@solpay/lambda';
import { normalizeShopDomain, readWebhookHeaders, verifyWebhookHmac } from '@solpay/shopify';
import { getAppServices } from '../app-services';
import { AuthenticationFailedError, MalformedRequestError } from '@solpay/domain';

/** What a Shopify webhook delivery says about itself, once its headers were checked. */
export interface ShopifyWebhookHeaders {
  topic: string;
  webhookId: string;
  shopDomain: string;
  triggeredAt?: Date;
}

/**
 * The `authenticate` step of every Shopify webhook handler: the HMAC-SHA256 of the RAW body with
 * the app's client secret (either header family, constant time) must match, else 401 — before
 * the body is parsed, so a malformed body with a bad signature is 401 too (specs §A.6).
 */
export const authenticateShopifyWebhook: HttpAuthenticate = ({ rawBody, headers }) => {
  const { apiSecret } = getAppServices().config(['shopify']).shopify;
  if (!verifyWebhookHmac({ rawBody, headers, secret: apiSecret })) {
    throw new AuthenticationFailedError('Invalid webhook signature');
  }
};

/**
 * Reads an authenticated delivery's headers: the topic must be `expectedTopic`, and the webhook
 * id and a `*.myshopify.com` shop domain must be present (400 otherwise).
 */
export function readShopifyWebhookHeaders(
  headers: Record<string, string | undefined>,
  expectedTopic: string,
): ShopifyWebhookHeaders {
  const meta = readWebhookHeaders(headers);
  if (meta.topic !== expectedTopic) {
    throw new MalformedRequestError(
      `Webhook topic header (${meta.topic ?? 'missing'}) does not match ${expectedTopic}`,
    );
  }
  if (meta.webhookId === undefined) throw new MalformedRequestError('Missing webhook id header');
  const shopDomain = normalizeShopDomain(meta.shopDomain ?? '');
  if (shopDomain === null) throw new MalformedRequestError('Missing or invalid shop domain header');
  return {
    topic: meta.topic,
    webhookId: meta.webhookId,
    shopDomain,
    ...(meta.triggeredAt ? { triggeredAt: meta.triggeredAt } : {}),
  };
}
