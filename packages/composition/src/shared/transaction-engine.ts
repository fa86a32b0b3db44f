import { systemClock, type EngineDeps } from '@solpay/domain';
import { createPrismaRecordStore } from '@solpay/persistence';
import { chainPort } from './chain-port';
import { dispatchPort } from './dispatch-port';
import { onFirstUse } from './on-first-use';
import { platformLogger } from './platform-logger';
import { prismaClient } from './prisma-client';
import { processSingleton } from './process-singleton';
import { walletScreening } from './wallet-screening';

/**
 * The transaction engine of the process (serve, settle, reject, expire): records in
 * PostgreSQL, the chain (JSON-RPC reads, web3.js on demand), screening, and Shopify mutations
 * through the outbox.
 */
export const transactionEngine = /* @__PURE__ */ processSingleton((): EngineDeps => ({
  records: createPrismaRecordStore(prismaClient()),
  chain: chainPort(),
  // Built at first use: a poll with nothing to settle or reject needs neither.
  screening: onFirstUse(walletScreening),
  dispatch: onFirstUse(dispatchPort),
  clock: systemClock,
  logger: platformLogger().child({ component: 'engine' }),
}));
