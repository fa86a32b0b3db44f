import { describe } from '@jest/globals';
import { InMemoryAppUninstalledStore } from './in-memory-app-uninstalled-store';
import { InMemoryDatabase } from './in-memory-database';
import { InMemoryMerchantStore } from './in-memory-merchant-store';
import { InMemoryRecordStore } from './in-memory-record-store';
import { InMemoryRefundSessionStore } from './in-memory-refund-session-store';
import { InMemorySessionStore } from './in-memory-session-store';
import { describeMerchantStoreContract } from './merchant-store-contract';
import { describeRecordStoreContract } from './record-store-contract';
import { describeRefundSessionStoreContract } from './refund-session-store-contract';

/**
 * The in-memory stores over a fresh database on the wall clock (as a database stamps its rows
 * with `now()`).
 */
async function inMemoryStores() {
  const db = new InMemoryDatabase();
  return {
    records: new InMemoryRecordStore(db),
    sessions: new InMemorySessionStore(db),
    merchants: new InMemoryMerchantStore(db),
    uninstalls: new InMemoryAppUninstalledStore(db),
    refunds: new InMemoryRefundSessionStore(db),
  };
}

// The same contracts the Prisma stores pass on PGlite
// (packages/services/src/stores/prisma-stores-contract.int.test.ts).
describe('in-memory stores', () => {
  describeRecordStoreContract('in-memory', inMemoryStores);
  describeRefundSessionStoreContract('in-memory', inMemoryStores);
  describeMerchantStoreContract('in-memory', inMemoryStores);
});
