import { isValidShopDomain } from './is-valid-shop-domain';

/** Input of {@link shopifyOrigin}. */
export interface ShopifyOriginInput {
  /** The shop's permanent `*.myshopify.com` domain. */
  shop: string;
  /**
   * Override of the origin (DESIGN §4.1 `SHOPIFY_ADMIN_ORIGIN`): when set, every Admin, OAuth
   * and Payments Apps call goes to this origin with unchanged paths (local simulator, tests).
   */
  adminOrigin?: string | undefined;
}

/**
 * The origin (scheme + host, no trailing slash; an `adminOrigin` may carry a path prefix) that Shopify Admin, OAuth and Payments Apps
 * calls for `shop` go to: `adminOrigin` when given, else `https://{shop}`.
 *
 * Throws when `shop` is not a valid `*.myshopify.com` domain: callers validate inbound shop
 * values first, so reaching here with a bad one is a programming error, and refusing it keeps
 * a hostile value out of the URL (and away from the access token header).
 */
export function shopifyOrigin({ shop, adminOrigin }: ShopifyOriginInput): string {
  if (!isValidShopDomain(shop)) {
    throw new Error(`Invalid shop domain: ${JSON.stringify(shop)}`);
  }
  if (adminOrigin !== undefined && adminOrigin !== '') {
    // Parse to fail fast on a malformed setting; keep any path prefix the simulator may use.
    new URL(adminOrigin);
    return adminOrigin.replace(/\/+$/, '');
  }
  return `https://${shop.toLowerCase()}`;
}
