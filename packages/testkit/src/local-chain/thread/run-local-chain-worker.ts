import { parentPort, workerData } from 'node:worker_threads';
import { PublicKey } from '@solana/web3.js';
import type { LocalChain } from '../local-chain';
import { startLocalChain } from '../start-local-chain';
import type {
  LocalChainAnswer,
  LocalChainCall,
  LocalChainWorkerData,
  LocalChainWorkerReply,
  LocalChainWorkerRequest,
} from './local-chain-worker-protocol';
import { toThreadError } from './thread-error';

/**
 * Body of the local chain's worker thread: starts the chain (LiteSVM, JSON-RPC and WebSocket
 * servers, slot timer, state file) with `workerData.options`, reports `ready` with its keys and
 * mints, answers the main thread's calls, and on `close` writes the state and stops the servers.
 */
export async function runLocalChainWorker(): Promise<void> {
  const port = parentPort;
  if (port === null) throw new Error('runLocalChainWorker runs in a worker thread only');
  const post = (reply: LocalChainWorkerReply) => port.postMessage(reply);
  const { options, calls, answered } = workerData as LocalChainWorkerData;

  let chain: LocalChain;
  try {
    chain = await startLocalChain(options);
  } catch (error) {
    post({ type: 'failed', error: toThreadError(error) });
    return;
  }

  const signal = new Int32Array(answered);
  calls.on('message', (call: LocalChainCall) => {
    void answer(chain, call).then((reply) => {
      calls.postMessage(reply);
      Atomics.store(signal, 0, 1);
      Atomics.notify(signal, 0);
    });
  });
  port.once('message', (_request: LocalChainWorkerRequest) => {
    calls.close();
    chain.close().then(
      () => post({ type: 'closed' }),
      (error: unknown) => post({ type: 'close-failed', error: toThreadError(error) }),
    );
  });
  post({
    type: 'ready',
    chain: {
      rpcUrl: chain.rpcUrl,
      wsUrl: chain.wsUrl,
      tokens: chain.tokens.map((token) => ({
        symbol: token.symbol,
        mint: token.mint.toBase58(),
        programId: token.programId.toBase58(),
        decimals: token.decimals,
      })),
      mintAuthority: chain.mintAuthority.secretKey,
      restored: chain.restored,
      stateId: chain.stateId,
      gas: chain.gas.secretKey,
      buyer: chain.buyer.secretKey,
      merchant: chain.merchant.secretKey,
      ...(chain.keypairPaths ? { keypairPaths: chain.keypairPaths } : {}),
    },
  });
}

async function answer(chain: LocalChain, call: LocalChainCall): Promise<LocalChainAnswer> {
  try {
    switch (call.method) {
      case 'createFundedWallet': {
        const wallet = await chain.createFundedWallet({
          ...(call.lamports === undefined ? {} : { lamports: call.lamports }),
          ...(call.usdc === undefined ? {} : { usdc: call.usdc }),
        });
        return { ok: true, value: wallet.secretKey };
      }
      case 'mintTo':
        await chain.mintTo(new PublicKey(call.owner), call.baseUnits);
        return { ok: true };
      case 'mintToken':
        await chain.mintToken(call.symbol, new PublicKey(call.owner), call.baseUnits);
        return { ok: true };
      case 'airdrop':
        await chain.airdrop(new PublicKey(call.to), call.lamports);
        return { ok: true };
      case 'advanceSlots':
        await chain.advanceSlots(call.n);
        return { ok: true };
      case 'setRpcFault':
        chain.setRpcFault(call.fault);
        return { ok: true };
      case 'setUsdRate':
        chain.prices.setUsdRate(call.currency, call.usdPerUnit);
        return { ok: true };
      case 'updatePriceFeed':
        chain.prices.update(call.currency, call.change);
        return { ok: true };
      case 'priceFeedState': {
        const state = chain.prices.state(call.currency);
        return state === undefined ? { ok: true } : { ok: true, value: state };
      }
    }
  } catch (error) {
    return { ok: false, error: toThreadError(error) };
  }
}
