import { Connection } from '@solana/web3.js';
import { guardFetch, readConfig } from '@solpay/lambda';
import { connectionFetch, createNodeHttpFetch } from '@solpay/adapters';
import { processSingleton } from './process-singleton';

/**
 * Longest wait for one Solana RPC request: well inside the shortest Lambda timeout (10 s), so a
 * hanging node surfaces as 503 UPSTREAM_UNAVAILABLE rather than as the Lambda's own timeout.
 */
const RPC_TIMEOUT_MS = 5_000;

/** The process's web3.js connection to `SOLANA_RPC_URL`: the only module that opens one. */
export const solanaConnection = /* @__PURE__ */ processSingleton(
  () =>
    new Connection(readConfig(['solana']).solana.rpcUrl, {
      commitment: 'confirmed',
      fetch: connectionFetch(guardFetch(createNodeHttpFetch({ timeoutMs: RPC_TIMEOUT_MS }), 'rpc')),
      // The fetch above keeps its own connections alive; web3.js's agent would go unused.
      httpAgent: false,
    }),
);
