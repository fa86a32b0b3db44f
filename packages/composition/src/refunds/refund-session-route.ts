import { readConfig } from '@solpay/lambda';
import type { RefundSessionRouteDeps } from '@solpay/handlers';
import { createPrismaRefundSessionStore, createPrismaSessionStore } from '@solpay/persistence';
import { dispatchPort } from '../shared/dispatch-port';
import { platformLogger } from '../shared/platform-logger';
import { prismaClient } from '../shared/prisma-client';
import { processSingleton } from '../shared/process-singleton';

/** Green `POST /refund`. */
export const refundSessionRoute = /* @__PURE__ */ processSingleton((): RefundSessionRouteDeps => {
  const { shopify } = readConfig(['shopify']);
  const prisma = prismaClient();
  return {
    refundSessions: {
      sessions: createPrismaSessionStore(prisma),
      refunds: createPrismaRefundSessionStore(prisma),
      dispatch: dispatchPort(),
      logger: platformLogger().child({ component: 'refunds' }),
    },
    apiVersion: shopify.apiVersion,
  };
});
