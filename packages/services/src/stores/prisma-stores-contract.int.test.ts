import { describe } from '@jest/globals';
import { createTestDatabase, testDatabaseTargets } from '@solpay/db';
import { describeMerchantStoreContract } from '@solpay/domain/src/testing/merchant-store-contract';
import { describeRecordStoreContract } from '@solpay/domain/src/testing/record-store-contract';
import { describeRefundSessionStoreContract } from '@solpay/domain/src/testing/refund-session-store-contract';
import { createPrismaAppUninstalledStore } from '../merchants/prisma-app-uninstalled-store';
import { createPrismaMerchantStore } from '../merchants/prisma-merchant-store';
import { createPrismaRefundSessionStore } from '../merchants/prisma-refund-session-store';
import { createPrismaRecordStore } from './prisma-record-store';
import { createPrismaSessionStore } from './prisma-session-store';

/** The Prisma stores over a fresh test database. */
async function prismaStores(target: Parameters<typeof createTestDatabase>[0]) {
  const database = await createTestDatabase(target);
  const { prisma } = database;
  return {
    records: createPrismaRecordStore(prisma),
    sessions: createPrismaSessionStore(prisma),
    merchants: createPrismaMerchantStore(prisma),
    uninstalls: createPrismaAppUninstalledStore(prisma),
    refunds: createPrismaRefundSessionStore(prisma),
    close: () => database.close(),
  };
}

// The same contracts the domain's in-memory stores pass in their unit tests
// (packages/domain/src/testing/in-memory-stores.test.ts): the doubles the money-rule unit tests
// stand on behave as these adapters do.
describe.each(testDatabaseTargets())('on %s', (target) => {
  const options = { timeoutMs: 60_000 };
  describeRecordStoreContract(`Prisma (${target})`, () => prismaStores(target), options);
  describeRefundSessionStoreContract(`Prisma (${target})`, () => prismaStores(target), options);
  describeMerchantStoreContract(`Prisma (${target})`, () => prismaStores(target), options);
});
