import { createHttpHandler, jsonResponse, type HttpLambdaHandler } from '@solpay/lambda';
import type { Compose } from '../compose';
import { lazyHandler } from '../lazy-handler';

/** What a health route uses. */
export interface HealthRouteDeps {
  /** Runs `SELECT 1` on a connection of its own (a probe never waits behind the app's pool). */
  pingDatabase(): Promise<void>;
}

/**
 * `GET /health` for a gateway: `200 {status:'ok', database:'ok'}` when the database answers,
 * else `503 {code:'UPSTREAM_UNAVAILABLE', message:'Database unreachable'}`.
 */
export function createHealthHandler(
  name: string,
  compose: Compose<HealthRouteDeps>,
): HttpLambdaHandler {
  return lazyHandler(() =>
    createHttpHandler({ name }, async () => {
      // Configuration errors are bugs, not an unreachable database: let them surface as 500.
      const deps = compose();
      try {
        await deps.pingDatabase();
      } catch {
        return jsonResponse(503, { code: 'UPSTREAM_UNAVAILABLE', message: 'Database unreachable' });
      }
      return jsonResponse(200, { status: 'ok', database: 'ok' });
    }),
  );
}
