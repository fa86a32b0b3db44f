import type { MerchantDeps } from '@solpay/domain';
import { guardFetch, readConfig } from '@solpay/lambda';
import { createNodeHttpFetch, createShopifyOAuth } from '@solpay/adapters';

/** Shopify's OAuth grant: callback `${PURPLE_ORIGIN}/auth/callback`, configured scopes. */
export function shopifyOAuth(): MerchantDeps['oauth'] {
  const { web, shopify } = readConfig(['web', 'shopify']);
  return createShopifyOAuth({
    apiKey: shopify.apiKey,
    apiSecret: shopify.apiSecret,
    scopes: shopify.scopes,
    redirectUri: `${web.purpleOrigin}/auth/callback`,
    adminOrigin: shopify.adminOrigin,
    timeoutMs: shopify.httpTimeoutMs,
    fetch: guardFetch(createNodeHttpFetch({ timeoutMs: shopify.httpTimeoutMs })),
  });
}
