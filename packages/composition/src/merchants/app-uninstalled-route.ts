import { systemClock } from '@solpay/domain';
import { readConfig } from '@solpay/lambda';
import type { AppUninstalledRouteDeps } from '@solpay/handlers';
import { createPrismaAppUninstalledStore } from '@solpay/persistence';
import { platformLogger } from '../shared/platform-logger';
import { prismaClient } from '../shared/prisma-client';
import { processSingleton } from '../shared/process-singleton';

/** Green `POST /webhooks/app/uninstalled` and its purple twin. */
export const appUninstalledRoute = /* @__PURE__ */ processSingleton(
  (): AppUninstalledRouteDeps => ({
    uninstall: {
      store: createPrismaAppUninstalledStore(prismaClient()),
      clock: systemClock,
      logger: platformLogger(),
    },
    apiSecret: readConfig(['shopify']).shopify.apiSecret,
  }),
);
