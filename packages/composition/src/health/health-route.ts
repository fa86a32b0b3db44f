import { createPrismaClient } from '@solpay/db';
import { readConfig } from '@solpay/lambda';
import type { HealthRouteDeps } from '@solpay/handlers';
import { processSingleton } from '../shared/process-singleton';

/** `GET /health` on green and purple. */
export const healthRoute = /* @__PURE__ */ processSingleton(
  () => {
    const prisma = createPrismaClient(readConfig(['database']).database.url, {
      poolSize: 1,
      connectEarly: true,
    });
    const deps: HealthRouteDeps & { release(): Promise<void> } = {
      pingDatabase: async () => {
        await prisma.$queryRaw`SELECT 1`;
      },
      release: () => prisma.$disconnect(),
    };
    return deps;
  },
  (deps) => deps.release(),
);
