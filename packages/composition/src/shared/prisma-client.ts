import { createPrismaClient } from '@solpay/db';
import { assertInvocationLive, readConfig } from '@solpay/lambda';
import { processSingleton } from './process-singleton';

/** Connections per Lambda instance: handlers run one request at a time. */
const LAMBDA_POOL_SIZE = 2;

/**
 * The process's Prisma client over `DATABASE_URL` (small pool, its first connection opened at
 * once; statements wait for a live invocation).
 */
export const prismaClient = /* @__PURE__ */ processSingleton(
  () =>
    createPrismaClient(readConfig(['database']).database.url, {
      poolSize: LAMBDA_POOL_SIZE,
      beforeStatement: assertInvocationLive,
      // Built at a cold start's first invocation, right before its first query.
      connectEarly: true,
    }),
  (prisma) => prisma.$disconnect(),
);
