import { readConfig } from '@solpay/lambda';
import { createPrismaGdprStore } from '@solpay/persistence';
import type { GdprWebhookRouteDeps } from '@solpay/handlers';
import { platformLogger } from '../shared/platform-logger';
import { prismaClient } from '../shared/prisma-client';
import { processSingleton } from '../shared/process-singleton';

/** Green `POST /gdpr/{customers/data_request,customers/redact,shop/redact}`. */
export const gdprWebhookRoute = /* @__PURE__ */ processSingleton((): GdprWebhookRouteDeps => ({
  gdpr: { gdpr: createPrismaGdprStore(prismaClient()), logger: platformLogger() },
  apiSecret: readConfig(['shopify']).shopify.apiSecret,
}));
