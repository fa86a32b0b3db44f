import { systemClock } from '@solpay/domain';
import { readConfig } from '@solpay/lambda';
import type { OAuthInstallRouteDeps } from '@solpay/handlers';
import { createPrismaMerchantStore } from '@solpay/persistence';
import { prismaClient } from '../shared/prisma-client';
import { processSingleton } from '../shared/process-singleton';
import { merchantPolicy } from './merchant-policy';
import { shopifyOAuth } from './shopify-oauth';

/** Purple `GET /auth/install`. */
export const oauthInstallRoute = /* @__PURE__ */ processSingleton((): OAuthInstallRouteDeps => ({
  merchant: {
    merchants: createPrismaMerchantStore(prismaClient()),
    oauth: shopifyOAuth(),
    clock: systemClock,
    policy: merchantPolicy(),
  },
  sessionSecret: readConfig(['web']).web.sessionSecret,
}));
