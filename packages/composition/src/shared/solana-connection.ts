import { Connection } from '@solana/web3.js';
import { readConfig } from '@solpay/lambda';
import { connectionFetch } from '@solpay/adapters';
import { processSingleton } from './process-singleton';
import { rpcFetch } from './rpc-fetch';

/** The process's web3.js connection to `SOLANA_RPC_URL`: the only module that opens one. */
export const solanaConnection = /* @__PURE__ */ processSingleton(
  () =>
    new Connection(readConfig(['solana']).solana.rpcUrl, {
      commitment: 'confirmed',
      fetch: connectionFetch(rpcFetch()),
      // The fetch above keeps its own connections alive; web3.js's agent would go unused.
      httpAgent: false,
    }),
);
