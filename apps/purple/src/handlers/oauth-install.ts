import { oauthInstallRoute } from '@solpay/composition';
import { createOAuthInstallHandler } from '@solpay/handlers';

/** `GET /auth/install` (purple): verifies Shopify's signed install query, redirects to the grant. */
export const handler = createOAuthInstallHandler(oauthInstallRoute);
