import * as z from 'zod';

const decimalAmount = z
  .string()
  .max(40)
  .regex(/^\d{1,18}(\.\d{1,18})?$/, 'must be a decimal string like "19.99"');

const address = z
  .object({
    given_name: z.string().max(255).nullish(),
    family_name: z.string().max(255).nullish(),
    line1: z.string().max(255).nullish(),
    line2: z.string().max(255).nullish(),
    city: z.string().max(255).nullish(),
    postal_code: z.string().max(64).nullish(),
    province: z.string().max(255).nullish(),
    province_code: z.string().max(16).nullish(),
    country_code: z.string().max(8).nullish(),
    phone_number: z.string().max(64).nullish(),
    company: z.string().max(255).nullish(),
  })
  .partial()
  .nullish();

/** Shopify's payment session request body (specs §A.1). Customer fields are all optional. */
export const paymentSessionRequestSchema = z.object({
  id: z.string().min(1).max(255),
  gid: z.string().min(1).max(512).startsWith('gid://shopify/PaymentSession/'),
  group: z.string().min(1).max(512),
  session_id: z.string().max(512).nullish(),
  amount: decimalAmount,
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code'),
  test: z.boolean(),
  merchant_locale: z.string().max(32).nullish(),
  payment_method: z.object({
    type: z.literal('offsite'),
    data: z.object({ cancel_url: z.url({ protocol: /^https?$/ }).max(4096) }),
  }),
  proposed_at: z.iso.datetime({ offset: true }).nullish(),
  customer: z
    .object({
      email: z.string().max(320).nullish(),
      phone_number: z.string().max(64).nullish(),
      locale: z.string().max(32).nullish(),
      billing_address: address,
      shipping_address: address,
    })
    .partial()
    .nullish(),
  kind: z.enum(['sale', 'authorization']).default('sale'),
});

/** A validated payment session request. */
export type PaymentSessionRequest = z.infer<typeof paymentSessionRequestSchema>;

/** Shopify's refund session request body (specs §A.2). */
export const refundSessionRequestSchema = z.object({
  id: z.string().min(1).max(255),
  gid: z.string().min(1).max(512).startsWith('gid://shopify/RefundSession/'),
  payment_id: z.string().min(1).max(255),
  amount: decimalAmount,
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code'),
  test: z.boolean(),
  merchant_locale: z.string().max(32).nullish(),
  proposed_at: z.iso.datetime({ offset: true }).nullish(),
});

/** A validated refund session request. */
export type RefundSessionRequest = z.infer<typeof refundSessionRequestSchema>;

/** Headers Shopify sends with every session request (lower-cased). */
export const shopifySessionHeadersSchema = z.object({
  'shopify-shop-domain': z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/i, 'must be a *.myshopify.com domain'),
  'shopify-request-id': z.string().min(1).max(255),
  'shopify-api-version': z.string().regex(/^(\d{4}-\d{2}|unstable)$/, 'must look like 2026-10'),
});

/** Validated Shopify session headers. */
export type ShopifySessionHeaders = z.infer<typeof shopifySessionHeadersSchema>;
