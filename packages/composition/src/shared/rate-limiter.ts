import { createPostgresRateLimiter } from '@solpay/persistence';
import { prismaClient } from './prisma-client';
import { processSingleton } from './process-singleton';

/** Rate limits shared by every instance (PostgreSQL counters). */
export const rateLimiter = /* @__PURE__ */ processSingleton(() =>
  createPostgresRateLimiter(prismaClient()),
);
