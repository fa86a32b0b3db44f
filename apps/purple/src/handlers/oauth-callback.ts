import { createOAuthCallbackHandler, oauthCallbackRoute } from '@solpay/services';

/** `GET /auth/callback` (purple): completes the install and signs the merchant in to the portal. */
export const handler = createOAuthCallbackHandler(oauthCallbackRoute);
