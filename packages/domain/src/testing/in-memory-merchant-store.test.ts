import { InMemoryAppUninstalledStore } from './in-memory-app-uninstalled-store';
import { InMemoryDatabase } from './in-memory-database';
import { InMemoryMerchantStore } from './in-memory-merchant-store';
import { describeMerchantStoreContract } from './merchant-store-contract';

describeMerchantStoreContract('in-memory', async () => {
  // The wall clock, as a database stamps its rows with `now()`.
  const db = new InMemoryDatabase();
  return {
    merchants: new InMemoryMerchantStore(db),
    uninstalls: new InMemoryAppUninstalledStore(db),
  };
});
