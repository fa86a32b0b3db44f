import { createHmac } from 'node:crypto';
import { constantTimeEqual } from '@solpay/domain';

/** Input of {@link verifyWebhookHmac}. */
export interface VerifyWebhookHmacInput {
  /** The request body exactly as received (never re-serialized JSON). */
  rawBody: string | Buffer;
  /** Request headers with lower-cased names. */
  headers: Record<string, string | undefined>;
  /** The app's client secret. */
  secret: string;
}

/** Header names carrying the webhook signature: classic family first, then events-style. */
const HMAC_HEADERS = ['x-shopify-hmac-sha256', 'shopify-hmac-sha256'] as const;

/**
 * Verifies a Shopify webhook signature: base64(HMAC-SHA256(client secret, raw body bytes)),
 * read from `x-shopify-hmac-sha256` or, for events-style deliveries, `shopify-hmac-sha256`.
 * Compared in constant time. Returns `false` (answer 401) when the header is missing or
 * wrong, or the body is empty. A string body is hashed as its UTF-8 bytes, so pass the
 * exact text received (e.g. API Gateway's body, base64-decoded when `isBase64Encoded`).
 */
export function verifyWebhookHmac({ rawBody, headers, secret }: VerifyWebhookHmacInput): boolean {
  if (secret === '' || rawBody.length === 0) return false;
  const provided = HMAC_HEADERS.map((name) => headers[name]).find(
    (value): value is string => value !== undefined && value !== '',
  );
  if (provided === undefined) return false;
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  const expected = createHmac('sha256', secret).update(body).digest('base64');
  return constantTimeEqual(expected, provided.trim());
}
