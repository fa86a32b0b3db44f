import { oauthCallbackRoute } from '@solpay/composition';
import { createOAuthCallbackHandler } from '@solpay/handlers';

/** `GET /auth/callback` (purple): completes the install and signs the merchant in to the portal. */
export const handler = createOAuthCallbackHandler(oauthCallbackRoute);
