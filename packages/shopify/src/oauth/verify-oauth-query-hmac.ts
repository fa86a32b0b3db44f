import { createHmac } from 'node:crypto';
import { constantTimeEqual } from '@solpay/domain';

/** A parsed query string: repeated keys may arrive as arrays. */
export type OAuthQuery = Record<string, string | string[]>;

/** Parameters that carry the signature itself and are never part of the signed message. */
const SIGNATURE_KEYS = new Set(['hmac', 'signature']);

/**
 * The message Shopify signs for an admin/OAuth query: every parameter except `hmac` and
 * `signature`, keys sorted by code unit, `key=value` pairs joined with `&`, encoded like
 * `URLSearchParams` with spaces as `%20` (exactly what `@shopify/shopify-api` builds).
 * Array values become repeated `key[]=value` pairs, as in that library.
 */
export function oauthQueryMessage(query: OAuthQuery): string {
  const params = new URLSearchParams();
  const keys = Object.keys(query)
    .filter((key) => !SIGNATURE_KEYS.has(key))
    .sort();
  for (const key of keys) {
    const value = query[key];
    if (Array.isArray(value)) {
      for (const item of value) params.append(`${key}[]`, item);
    } else if (value !== undefined) {
      params.append(key, value);
    }
  }
  return params.toString().replace(/\+/g, '%20');
}

/**
 * Verifies the `hmac` of an install/OAuth-callback query: hex HMAC-SHA256 of
 * {@link oauthQueryMessage} keyed with the app's client secret, compared in constant time.
 * A missing, repeated or non-hex `hmac` is simply invalid. Check the timestamp separately
 * with `isTimestampFresh`.
 */
export function verifyOAuthQueryHmac(query: OAuthQuery, secret: string): boolean {
  const provided = query.hmac;
  if (typeof provided !== 'string' || provided === '' || secret === '') return false;
  const expected = createHmac('sha256', secret).update(oauthQueryMessage(query)).digest('hex');
  return constantTimeEqual(expected, provided.toLowerCase());
}
