import { createNodeHttpFetch } from '@solpay/adapters';
import { guardFetch } from '@solpay/lambda';
import { processSingleton } from './process-singleton';

/**
 * Longest wait for one Solana RPC request: well inside the shortest Lambda timeout (10 s), so a
 * hanging node surfaces as 503 UPSTREAM_UNAVAILABLE rather than as the Lambda's own timeout.
 */
const RPC_TIMEOUT_MS = 5_000;

/** The process's fetch for `SOLANA_RPC_URL`: one keep-alive pool for web3.js and the plain reads. */
export const rpcFetch = /* @__PURE__ */ processSingleton(() =>
  guardFetch(createNodeHttpFetch({ timeoutMs: RPC_TIMEOUT_MS }), 'rpc'),
);
