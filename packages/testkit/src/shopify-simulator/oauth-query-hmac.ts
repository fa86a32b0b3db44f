import { createHmac } from 'node:crypto';

/**
 * Shopify's HMAC over an admin query (OAuth install link and callback): drop `hmac` and
 * `signature`, sort by key, URL-encode as `k=v&...` (spaces as `%20`), HMAC-SHA256 with the
 * app's client secret, hex digest.
 */
export function signShopifyQuery(params: Record<string, string>, secret: string): string {
  const query = new URLSearchParams();
  for (const key of Object.keys(params).sort()) {
    if (key === 'hmac' || key === 'signature') continue;
    query.append(key, params[key] as string);
  }
  const message = query.toString().replace(/\+/g, '%20');
  return createHmac('sha256', secret).update(message).digest('hex');
}

/** `params` plus their `hmac`, as a query string (without `?`). */
export function signedQueryString(params: Record<string, string>, secret: string): string {
  const query = new URLSearchParams(params);
  query.append('hmac', signShopifyQuery(params, secret));
  return query.toString();
}

/** The `host` parameter Shopify adds: base64 of `admin.shopify.com/store/<name>`, unpadded. */
export function shopifyHostParam(shop: string): string {
  const name = shop.replace(/\.myshopify\.com$/, '');
  return Buffer.from(`admin.shopify.com/store/${name}`).toString('base64').replace(/=+$/, '');
}
