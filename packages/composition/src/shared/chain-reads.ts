import { createJsonRpcChainReads, type ChainReads } from '@solpay/adapters';
import { readConfig } from '@solpay/lambda';
import { processSingleton } from './process-singleton';
import { rpcFetch } from './rpc-fetch';

/** The process's block-height and signature-status reads, over plain JSON-RPC. */
export const chainReads = /* @__PURE__ */ processSingleton((): ChainReads => {
  const { solana } = readConfig(['solana']);
  return createJsonRpcChainReads({
    rpcUrl: solana.rpcUrl,
    fetch: rpcFetch(),
    commitment: solana.commitment,
  });
});
