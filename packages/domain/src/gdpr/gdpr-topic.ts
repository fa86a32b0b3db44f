import * as z from 'zod';

/** The three mandatory privacy webhook topics, as Shopify names them. */
export const GDPR_WEBHOOK_TOPICS = [
  'customers/data_request',
  'customers/redact',
  'shop/redact',
] as const;

/** A mandatory privacy webhook topic. */
export type GdprWebhookTopic = (typeof GDPR_WEBHOOK_TOPICS)[number];

/** Schema of a topic name. */
export const gdprWebhookTopicSchema = z.enum(GDPR_WEBHOOK_TOPICS);

/**
 * The topic a request path addresses, from its last two segments: `/gdpr/customers/redact`
 * (green) and `/webhooks/shopify/customers/redact` (purple) → `customers/redact`;
 * `undefined` for any other path.
 */
export function gdprTopicFromPath(path: string): GdprWebhookTopic | undefined {
  const match = /\/([a-z_]+\/[a-z_]+)\/?$/.exec(path);
  const parsed = gdprWebhookTopicSchema.safeParse(match?.[1]);
  return parsed.success ? parsed.data : undefined;
}
