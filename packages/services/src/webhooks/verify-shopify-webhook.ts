import { BadRequestError, UnauthorizedError } from '@solpay/lambda';
import { normalizeShopDomain, readWebhookHeaders, verifyWebhookHmac } from '@solpay/shopify';

/** What a verified Shopify webhook delivery says about itself. */
export interface VerifiedShopifyWebhook {
  topic: string;
  webhookId: string;
  shopDomain: string;
  triggeredAt?: Date;
}

/**
 * Authenticates a Shopify webhook delivery (HMAC-SHA256 of the RAW body with the app's client
 * secret, either header family, constant time → 401 otherwise) and reads its headers: the topic
 * must be `expectedTopic`, and the webhook id and a `*.myshopify.com` shop domain must be present
 * (400 otherwise).
 */
export function verifyShopifyWebhook(
  request: { rawBody: string; headers: Record<string, string | undefined> },
  options: { secret: string; expectedTopic: string },
): VerifiedShopifyWebhook {
  if (
    !verifyWebhookHmac({
      rawBody: request.rawBody,
      headers: request.headers,
      secret: options.secret,
    })
  ) {
    throw new UnauthorizedError('Invalid webhook signature');
  }
  const meta = readWebhookHeaders(request.headers);
  if (meta.topic !== options.expectedTopic) {
    throw new BadRequestError(
      `Webhook topic header (${meta.topic ?? 'missing'}) does not match ${options.expectedTopic}`,
    );
  }
  if (meta.webhookId === undefined) throw new BadRequestError('Missing webhook id header');
  const shopDomain = normalizeShopDomain(meta.shopDomain ?? '');
  if (shopDomain === null) throw new BadRequestError('Missing or invalid shop domain header');
  return {
    topic: meta.topic,
    webhookId: meta.webhookId,
    shopDomain,
    ...(meta.triggeredAt ? { triggeredAt: meta.triggeredAt } : {}),
  };
}
