import type { GdprWebhook } from './gdpr-webhook-payload';

/** Stands in for a removed personal value. */
export const REDACTED = '[redacted]';

/**
 * The copy of a webhook payload we keep as the request's record. For `customers/redact` the
 * buyer's email and phone are replaced by {@link REDACTED} (keeping them would defeat the
 * redaction); the Shopify customer id and order ids stay so the request can be audited.
 * Data requests keep the identifiers: they are needed to answer the merchant.
 */
export function scrubGdprPayload(webhook: GdprWebhook): Record<string, unknown> {
  if (webhook.topic !== 'customers/redact') return { ...webhook.payload };
  const { customer } = webhook.payload;
  return {
    ...webhook.payload,
    customer: {
      ...customer,
      ...(customer.email == null ? {} : { email: REDACTED }),
      ...(customer.phone == null ? {} : { phone: REDACTED }),
    },
  };
}
