import type { GdprWebhook } from './gdpr-webhook-payload';

/** Stands in for a removed personal value. */
export const REDACTED = '[redacted]';

/**
 * The customer object of a stored privacy request once the buyer is redacted: the Shopify
 * customer id stays (audit), e-mail and phone become {@link REDACTED}, anything else is dropped.
 */
export function redactGdprCustomer(customer: unknown): Record<string, unknown> {
  const fields = (customer ?? {}) as Record<string, unknown>;
  return {
    ...(fields.id == null ? {} : { id: fields.id }),
    ...(fields.email == null ? {} : { email: REDACTED }),
    ...(fields.phone == null ? {} : { phone: REDACTED }),
  };
}

/**
 * The copy of a webhook payload we keep as the request's record. For `customers/redact` only
 * the known fields are kept and the buyer's email and phone are replaced by {@link REDACTED}
 * (keeping them would defeat the redaction); the Shopify customer id and order ids stay so the
 * request can be audited. Data requests keep the identifiers: they are needed to answer the
 * merchant (until that buyer is redacted; see docs/privacy.md).
 */
export function scrubGdprPayload(webhook: GdprWebhook): Record<string, unknown> {
  if (webhook.topic !== 'customers/redact') return { ...webhook.payload };
  const { shop_id, shop_domain, customer, orders_to_redact } = webhook.payload;
  return {
    ...(shop_id === undefined ? {} : { shop_id }),
    shop_domain,
    customer: redactGdprCustomer(customer),
    orders_to_redact,
  };
}
