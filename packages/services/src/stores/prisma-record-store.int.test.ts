import { describe } from '@jest/globals';
import { createTestDatabase, testDatabaseTargets } from '@solpay/db';
import { describeRecordStoreContract } from '@solpay/domain/src/testing/record-store-contract';
import { createPrismaAppUninstalledStore } from '../merchants/prisma-app-uninstalled-store';
import { createPrismaMerchantStore } from '../merchants/prisma-merchant-store';
import { createPrismaRecordStore } from './prisma-record-store';
import { createPrismaSessionStore } from './prisma-session-store';

// The same contract the domain's in-memory record store passes in its unit test.
describe.each(testDatabaseTargets())('on %s', (target) => {
  describeRecordStoreContract(
    `Prisma (${target})`,
    async () => {
      const database = await createTestDatabase(target);
      const { prisma } = database;
      return {
        records: createPrismaRecordStore(prisma),
        sessions: createPrismaSessionStore(prisma),
        merchants: createPrismaMerchantStore(prisma),
        uninstalls: createPrismaAppUninstalledStore(prisma),
        close: () => database.close(),
      };
    },
    { timeoutMs: 60_000 },
  );
});
