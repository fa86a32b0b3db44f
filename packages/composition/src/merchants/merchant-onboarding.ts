import { platformLogger } from '../shared/platform-logger';
import { systemClock, type MerchantDeps } from '@solpay/domain';
import { createPrismaMerchantStore } from '@solpay/persistence';
import { dispatchPort } from '../shared/dispatch-port';
import { prismaClient } from '../shared/prisma-client';
import { processSingleton } from '../shared/process-singleton';

/**
 * What onboarding sends to Shopify (`paymentsAppConfigure`): the merchant store, the outbox,
 * the clock and a logger (the local stack's demo merchant is onboarded with it too).
 */
export const merchantOnboarding = /* @__PURE__ */ processSingleton(
  (): Pick<MerchantDeps, 'merchants' | 'dispatch' | 'clock' | 'logger'> => ({
    merchants: createPrismaMerchantStore(prismaClient()),
    dispatch: dispatchPort(),
    clock: systemClock,
    logger: platformLogger().child({ component: 'merchants' }),
  }),
);
