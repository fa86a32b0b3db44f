/**
 * What building a Prisma client needs besides its `pg` adapter: the generated client (with
 * Prisma's runtime) and the query-plan cache, in one module that `createPrismaClient` loads the
 * first time a client is used. The Lambda bundles hold it in a file of its own beside each
 * handler (deploy/esbuild/lambda-plugins.cjs), compiled only by the processes that use Prisma.
 */
export { Prisma, PrismaClient } from '../generated/prisma/client';
export { installQueryPlanCache } from './query-plan-cache';
// Not the adapter: it must share the bundle's one `pg` (it tells a pool from a configuration by
// `instanceof pg.Pool`), and it is small.
