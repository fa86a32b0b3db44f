import { createOAuthInstallHandler, oauthInstallRoute } from '@solpay/services';

/** `GET /auth/install` (purple): verifies Shopify's signed install query, redirects to the grant. */
export const handler = createOAuthInstallHandler(oauthInstallRoute);
