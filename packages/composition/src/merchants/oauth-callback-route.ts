import { readConfig } from '@solpay/lambda';
import type { OAuthCallbackRouteDeps } from '@solpay/handlers';
import { tokenCipher } from '../shared/token-cipher';
import { processSingleton } from '../shared/process-singleton';
import { merchantPolicy } from './merchant-policy';
import { shopifyOAuth } from './shopify-oauth';
import { merchantOnboarding } from './merchant-onboarding';

/** Purple `GET /auth/callback`. */
export const oauthCallbackRoute = /* @__PURE__ */ processSingleton((): OAuthCallbackRouteDeps => {
  const { web } = readConfig(['web']);
  return {
    merchant: {
      ...merchantOnboarding(),
      oauth: shopifyOAuth(),
      cipher: tokenCipher(),
      policy: merchantPolicy(),
    },
    sessionSecret: web.sessionSecret,
    portalOrigin: web.portalOrigin,
  };
});
