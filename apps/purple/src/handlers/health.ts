import { createPrismaClient } from '@solpay/db';
import { createHttpHandler, jsonResponse, readConfig } from '@solpay/lambda';

let prisma: ReturnType<typeof createPrismaClient> | undefined;

/**
 * `GET /health` on purple: `200 {status:'ok', database:'ok'}` when `SELECT 1` succeeds,
 * else `503 {code:'UPSTREAM_UNAVAILABLE', message:'Database unreachable'}`. The Prisma client
 * is created once per cold start.
 */
export const handler = createHttpHandler({ name: 'purple-health' }, async () => {
  // Configuration errors are bugs, not an unreachable database: let them surface as 500.
  prisma ??= createPrismaClient(readConfig(['database']).database.url);
  try {
    await prisma.$queryRaw`SELECT 1`;
  } catch {
    return jsonResponse(503, { code: 'UPSTREAM_UNAVAILABLE', message: 'Database unreachable' });
  }
  return jsonResponse(200, { status: 'ok', database: 'ok' });
});
