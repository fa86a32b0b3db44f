import { createDatabasePing } from '@solpay/db';
import { readConfig } from '@solpay/lambda';
import type { HealthRouteDeps } from '@solpay/handlers';
import { processSingleton } from '../shared/process-singleton';

/** `GET /health` on green and purple. */
export const healthRoute = /* @__PURE__ */ processSingleton(
  () => {
    const database = createDatabasePing(readConfig(['database']).database.url);
    const deps: HealthRouteDeps & { release(): Promise<void> } = {
      pingDatabase: () => database.ping(),
      release: () => database.end(),
    };
    return deps;
  },
  (deps) => deps.release(),
);
