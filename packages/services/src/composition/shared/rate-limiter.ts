import { createPostgresRateLimiter } from '../../rate-limit/create-postgres-rate-limiter';
import { prismaClient } from './prisma-client';
import { processSingleton } from './process-singleton';

/** Rate limits shared by every instance (PostgreSQL counters). */
export const rateLimiter = /* @__PURE__ */ processSingleton(() =>
  createPostgresRateLimiter(prismaClient()),
);
