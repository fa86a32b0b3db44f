import * as z from 'zod';

/** Metadata of a webhook delivery, from either header family. */
export interface WebhookHeaders {
  /** e.g. `customers/redact`. */
  topic?: string;
  /** The shop's `*.myshopify.com` domain as sent (validate before use). */
  shopDomain?: string;
  /** Stable across retries of one delivery: the dedupe key. */
  webhookId?: string;
  apiVersion?: string;
  /** When Shopify first triggered the delivery; retries keep it (staleness check). */
  triggeredAt?: Date;
  /** Shopify's event id (classic family only), when present. */
  eventId?: string;
}

const FIELDS = {
  topic: 'topic',
  shopDomain: 'shop-domain',
  webhookId: 'webhook-id',
  apiVersion: 'api-version',
  triggeredAt: 'triggered-at',
  eventId: 'event-id',
} as const;

const isoDate = z.iso.datetime({ offset: true });

/**
 * Reads webhook metadata from lower-cased headers, preferring the classic `x-shopify-*` names
 * and falling back to the events-style `shopify-*` names. Missing or unparsable values are
 * left out; the caller decides which ones it requires (e.g. `webhookId` for dedupe).
 */
export function readWebhookHeaders(headers: Record<string, string | undefined>): WebhookHeaders {
  const read = (suffix: string): string | undefined => {
    const value = headers[`x-shopify-${suffix}`] ?? headers[`shopify-${suffix}`];
    const trimmed = value?.trim();
    return trimmed === undefined || trimmed === '' ? undefined : trimmed;
  };
  const result: WebhookHeaders = {};
  const topic = read(FIELDS.topic);
  if (topic !== undefined) result.topic = topic;
  const shopDomain = read(FIELDS.shopDomain);
  if (shopDomain !== undefined) result.shopDomain = shopDomain;
  const webhookId = read(FIELDS.webhookId);
  if (webhookId !== undefined) result.webhookId = webhookId;
  const apiVersion = read(FIELDS.apiVersion);
  if (apiVersion !== undefined) result.apiVersion = apiVersion;
  const eventId = read(FIELDS.eventId);
  if (eventId !== undefined) result.eventId = eventId;
  const triggeredAt = read(FIELDS.triggeredAt);
  if (triggeredAt !== undefined && isoDate.safeParse(triggeredAt).success) {
    result.triggeredAt = new Date(triggeredAt);
  }
  return result;
}
