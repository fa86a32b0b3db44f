import type { ChainPort } from '@solpay/domain';
import { createDeferredChainPort } from '@solpay/adapters';
import { chainReads } from './chain-reads';
import { processSingleton } from './process-singleton';
import { web3ChainPort } from './web3-chain-port';

/**
 * The process's {@link ChainPort}: block height and signature statuses over plain JSON-RPC, and
 * everything else from the web3.js chain, built the first time it is needed. A process that
 * only reads (most discovery polls) never evaluates web3.js (docs/adr/0021).
 */
export const chainPort = /* @__PURE__ */ processSingleton((): ChainPort =>
  createDeferredChainPort(chainReads(), web3ChainPort),
);
