import * as z from 'zod';
import type { GdprWebhookTopic } from './gdpr-topic';

/** Shopify ids arrive as JSON numbers (or strings in newer payloads); kept as decimal strings. */
const shopifyIdSchema = z
  .union([z.number().int().nonnegative(), z.string().regex(/^\d{1,30}$/)])
  .transform((id) => String(id));

const shopDomainSchema = z.string().trim().toLowerCase().min(1).max(255);

/** The buyer a customer webhook is about; every field may be absent or null. */
export const gdprCustomerSchema = z
  .object({
    id: shopifyIdSchema.nullish(),
    email: z.string().trim().max(320).nullish(),
    phone: z.string().trim().max(64).nullish(),
  })
  .loose();

/** A buyer reference (the customer fields that can identify our records). */
export type GdprCustomer = z.output<typeof gdprCustomerSchema>;

/** `customers/data_request` body (specs §A.6). */
export const customersDataRequestPayloadSchema = z
  .object({
    shop_id: shopifyIdSchema.optional(),
    shop_domain: shopDomainSchema,
    customer: gdprCustomerSchema,
    orders_requested: z.array(shopifyIdSchema).max(10_000).default([]),
    data_request: z.object({ id: shopifyIdSchema }).loose().optional(),
  })
  .loose();

/** `customers/redact` body (specs §A.6). */
export const customersRedactPayloadSchema = z
  .object({
    shop_id: shopifyIdSchema.optional(),
    shop_domain: shopDomainSchema,
    customer: gdprCustomerSchema,
    orders_to_redact: z.array(shopifyIdSchema).max(10_000).default([]),
  })
  .loose();

/** `shop/redact` body (specs §A.6). */
export const shopRedactPayloadSchema = z
  .object({ shop_id: shopifyIdSchema.optional(), shop_domain: shopDomainSchema })
  .loose();

/** A validated privacy webhook: its topic with the matching payload. */
export type GdprWebhook =
  | { topic: 'customers/data_request'; payload: z.output<typeof customersDataRequestPayloadSchema> }
  | { topic: 'customers/redact'; payload: z.output<typeof customersRedactPayloadSchema> }
  | { topic: 'shop/redact'; payload: z.output<typeof shopRedactPayloadSchema> };

const SCHEMAS = {
  'customers/data_request': customersDataRequestPayloadSchema,
  'customers/redact': customersRedactPayloadSchema,
  'shop/redact': shopRedactPayloadSchema,
} as const;

/**
 * Validates a parsed webhook body against its topic's schema. Throws the `ZodError` on
 * mismatch (the HTTP layer maps it to 400 naming the field).
 */
export function parseGdprWebhook(topic: GdprWebhookTopic, body: unknown): GdprWebhook {
  return { topic, payload: SCHEMAS[topic].parse(body) } as GdprWebhook;
}
