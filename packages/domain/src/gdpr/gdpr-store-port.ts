import type { GdprWebhookTopic } from './gdpr-topic';
import type { GdprWebhook } from './gdpr-webhook-payload';

/** One privacy webhook delivery to record and act on. */
export interface GdprDelivery {
  /** `X-Shopify-Webhook-Id` / `shopify-webhook-id`: the same on every retry (the dedupe key). */
  webhookId: string;
  /** The verified shop (`*.myshopify.com`). */
  shopDomain: string;
  webhook: GdprWebhook;
  /** When Shopify triggered it (retries keep the original), if sent. */
  triggeredAt?: Date;
}

/** What was done for a delivery (stored as the request's `result`). */
export type GdprActionResult = Record<string, unknown>;

/** Outcome of {@link GdprStorePort.recordAndApply}. */
export type GdprRecordOutcome =
  | { outcome: 'applied'; requestId: string; result: GdprActionResult }
  /** The webhook id was seen before: nothing was done again. */
  | { outcome: 'duplicate'; requestId: string };

/** Persistence of privacy requests and the redactions/exports they cause. */
export interface GdprStorePort {
  /**
   * Atomically: records the request (unique webhook id) and, only when it is new, performs the
   * topic's action and stores its result. A concurrent or later delivery of the same webhook
   * id gets `duplicate` and changes nothing.
   */
  recordAndApply(delivery: GdprDelivery): Promise<GdprRecordOutcome>;
}

/** Topic names as stored in the database enum. */
export const GDPR_TOPIC_ENUM: Record<
  GdprWebhookTopic,
  'CUSTOMERS_DATA_REQUEST' | 'CUSTOMERS_REDACT' | 'SHOP_REDACT'
> = {
  'customers/data_request': 'CUSTOMERS_DATA_REQUEST',
  'customers/redact': 'CUSTOMERS_REDACT',
  'shop/redact': 'SHOP_REDACT',
};
