import { InMemoryDatabase } from './in-memory-database';
import { InMemoryMerchantStore } from './in-memory-merchant-store';
import { InMemoryRecordStore } from './in-memory-record-store';
import { InMemoryRefundSessionStore } from './in-memory-refund-session-store';
import { InMemorySessionStore } from './in-memory-session-store';
import { ManualClock } from './manual-clock';
import { describeRefundSessionStoreContract } from './refund-session-store-contract';

describeRefundSessionStoreContract('in-memory', async () => {
  const db = new InMemoryDatabase(new ManualClock());
  return {
    refunds: new InMemoryRefundSessionStore(db),
    records: new InMemoryRecordStore(db),
    sessions: new InMemorySessionStore(db),
    merchants: new InMemoryMerchantStore(db),
  };
});
