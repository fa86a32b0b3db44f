import { createOAuthInstallHandler, getMerchantServices, lazyHandler } from '@solpay/services';

/**
 * `GET /auth/install` (purple): verifies Shopify's signed install query (HMAC, ±90 s timestamp,
 * anchored `*.myshopify.com` shop), stores a `state` nonce for the shop, binds it to the browser
 * in a signed `oauth_state` cookie and redirects (302) to Shopify's grant screen.
 */
export const handler = lazyHandler(() => createOAuthInstallHandler(getMerchantServices()));
