import { InMemoryAppUninstalledStore } from './in-memory-app-uninstalled-store';
import { InMemoryDatabase } from './in-memory-database';
import { InMemoryMerchantStore } from './in-memory-merchant-store';
import { InMemoryRecordStore } from './in-memory-record-store';
import { InMemorySessionStore } from './in-memory-session-store';
import { ManualClock } from './manual-clock';
import { describeRecordStoreContract } from './record-store-contract';

describeRecordStoreContract('in-memory', async () => {
  const db = new InMemoryDatabase(new ManualClock());
  return {
    records: new InMemoryRecordStore(db),
    sessions: new InMemorySessionStore(db),
    merchants: new InMemoryMerchantStore(db),
    uninstalls: new InMemoryAppUninstalledStore(db),
  };
});
