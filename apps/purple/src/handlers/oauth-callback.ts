import { createOAuthCallbackHandler, getMerchantServices, lazyHandler } from '@solpay/services';

/**
 * `GET /auth/callback` (purple): verifies HMAC, timestamp, shop and `state` (cookie = query =
 * stored unconsumed nonce, consumed atomically) BEFORE exchanging the code; stores the expiring
 * offline tokens encrypted, creates or re-installs the merchant, signs them in to the portal
 * (`portal_session` cookie) and redirects (302) to the portal.
 */
export const handler = lazyHandler(() => createOAuthCallbackHandler(getMerchantServices()));
