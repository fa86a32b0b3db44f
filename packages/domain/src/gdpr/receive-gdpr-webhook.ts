import { MalformedRequestError } from '../errors';
import type { GdprWebhookTopic } from './gdpr-topic';
import { parseGdprWebhook } from './gdpr-webhook-payload';
import { handleGdprWebhook, type HandleGdprWebhookDeps } from './handle-gdpr-webhook';

/** An authenticated privacy webhook delivery, as its headers describe it. */
export interface GdprWebhookDelivery {
  topic: GdprWebhookTopic;
  webhookId: string;
  /** The sending shop (`X-Shopify-Shop-Domain`), already a `*.myshopify.com` domain. */
  shopDomain: string;
  triggeredAt?: Date;
  /** The parsed JSON body, not yet validated. */
  body: unknown;
}

/**
 * A verified privacy webhook (specs §A.6): the payload must fit its topic (400 naming the
 * field) and name the shop that sent it (400 otherwise: a shop never speaks for another); then
 * it is recorded and acted on in one transaction, keyed by the webhook id, so a replay has no
 * second effect. Returns whether it was a replay.
 */
export async function receiveGdprWebhook(
  deps: HandleGdprWebhookDeps,
  delivery: GdprWebhookDelivery,
): Promise<{ duplicate: boolean }> {
  const webhook = parseGdprWebhook(delivery.topic, delivery.body);
  if (webhook.payload.shop_domain !== delivery.shopDomain) {
    throw new MalformedRequestError('shop_domain does not match the shop domain header');
  }
  const outcome = await handleGdprWebhook(deps, {
    webhookId: delivery.webhookId,
    shopDomain: delivery.shopDomain,
    webhook,
    ...(delivery.triggeredAt ? { triggeredAt: delivery.triggeredAt } : {}),
  });
  return { duplicate: outcome.outcome === 'duplicate' };
}
