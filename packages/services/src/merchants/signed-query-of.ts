import { parseRawQueryString } from '@solpay/lambda';
import { MalformedRequestError } from '@solpay/domain';

/** Longest query an install link or OAuth callback plausibly has. */
const MAX_QUERY_LENGTH = 4096;

/**
 * Parses the raw query string of an install/callback request into single values, as Shopify's
 * HMAC is computed over them. A repeated parameter or a malformed percent-escape is refused
 * (400): either would make the signed message ambiguous.
 */
export function signedQueryOf(rawQueryString: string): Record<string, string> {
  if (rawQueryString.length > MAX_QUERY_LENGTH)
    throw new MalformedRequestError('Query string too long');
  const query: Record<string, string> = {};
  for (const [key, value] of parseRawQueryString(rawQueryString)) {
    if (Object.hasOwn(query, key))
      throw new MalformedRequestError(`Repeated query parameter: ${key}`);
    query[key] = value;
  }
  return query;
}
