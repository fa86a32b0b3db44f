import { createPrismaClient } from '@solpay/db';
import { createHttpHandler, jsonResponse, readConfig } from '@solpay/lambda';

/**
 * `GET /health` for a gateway: `200 {status:'ok', database:'ok'}` when `SELECT 1` succeeds,
 * else `503 {code:'UPSTREAM_UNAVAILABLE', message:'Database unreachable'}`. It uses its own
 * small Prisma client (created once per cold start) so that a health probe never waits behind
 * the app's pool.
 */
export function createHealthHandler(name: string) {
  let prisma: ReturnType<typeof createPrismaClient> | undefined;
  return createHttpHandler({ name }, async () => {
    // Configuration errors are bugs, not an unreachable database: let them surface as 500.
    prisma ??= createPrismaClient(readConfig(['database']).database.url, { poolSize: 1 });
    try {
      await prisma.$queryRaw`SELECT 1`;
    } catch {
      return jsonResponse(503, { code: 'UPSTREAM_UNAVAILABLE', message: 'Database unreachable' });
    }
    return jsonResponse(200, { status: 'ok', database: 'ok' });
  });
}
