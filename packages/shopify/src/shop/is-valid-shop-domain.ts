/**
 * Anchored: the whole value must be one `*.myshopify.com` host name, nothing before or after.
 * Case-insensitive because host names are; {@link normalizeShopDomain} lower-cases.
 */
const SHOP_DOMAIN = /^[a-zA-Z0-9][a-zA-Z0-9-]*\.myshopify\.com$/i;

/** DNS limit for one label; longer names are never real shops. */
const MAX_LABEL_LENGTH = 63;

/**
 * True when `shop` is a permanent `{name}.myshopify.com` domain (case-insensitive).
 *
 * The pattern is anchored on both ends, so values such as `evil.com?x=a.myshopify.com` or
 * `a.myshopify.com.evil.com` are rejected (the prior art used an unanchored regex). Only
 * `*.myshopify.com` is accepted, unlike `@shopify/shopify-api` which also allows dev domains.
 */
export function isValidShopDomain(shop: string): boolean {
  if (!SHOP_DOMAIN.test(shop)) return false;
  const label = shop.slice(0, shop.indexOf('.'));
  return label.length <= MAX_LABEL_LENGTH;
}

/**
 * Returns the lower-cased shop domain when valid (see {@link isValidShopDomain}), else `null`.
 * Use the result as the canonical key for the merchant record.
 */
export function normalizeShopDomain(shop: string): string | null {
  return isValidShopDomain(shop) ? shop.toLowerCase() : null;
}
