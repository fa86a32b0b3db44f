import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { Keypair, PublicKey } from '@solana/web3.js';
import type { LocalFeedState } from '../chain/price-feeds';
import type { LocalChain, LocalChainOptions, LocalToken } from '../local-chain';
import type {
  LocalChainAnswer,
  LocalChainCall,
  LocalChainWorkerData,
  LocalChainWorkerReply,
  LocalChainWorkerRequest,
} from './local-chain-worker-protocol';
import { fromThreadError } from './thread-error';

/** Options of {@link startLocalChainInWorker}: the chain's, and where a crash is reported. */
export interface LocalChainInWorkerOptions extends LocalChainOptions {
  /** Where to report that the chain stopped on its own (a crash); `console.error` by default. */
  log?: (line: string) => void;
}

/** A call the worker does not answer in this time is taken as a hung chain. */
const CALL_TIMEOUT_MS = 30_000;

/**
 * {@link startLocalChain} in a worker thread: the same chain (LiteSVM, its JSON-RPC and PubSub
 * servers, slot timer, state file) and the same {@link LocalChain} interface, but its CPU work
 * (executing transactions, base58, JSON, the servers' sockets) runs beside the caller's event
 * loop instead of on it. Its methods wait for the worker's answer (a few milliseconds), so a
 * fault or price set by a test is in force before the test's next request.
 *
 * Rejects with the worker's own error when the chain cannot start (e.g. `EADDRINUSE`). If the
 * worker dies later, its ports close (clients see the RPC down) and `log` says why.
 */
export async function startLocalChainInWorker(
  options: LocalChainInWorkerOptions = {},
): Promise<LocalChain> {
  const { log = (line: string) => console.error(line), ...chainOptions } = options;
  const channel = new MessageChannel();
  const answered = new SharedArrayBuffer(4);
  const data: LocalChainWorkerData = { options: chainOptions, calls: channel.port2, answered };
  const worker = new Worker(join(__dirname, 'local-chain-worker.cjs'), {
    workerData: data,
    transferList: [channel.port2],
    name: 'local chain',
  });

  let exitCode: number | undefined;
  let crash: Error | undefined;
  let closing: Promise<void> | undefined;
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', (code) => {
      exitCode = code;
      resolve();
    }),
  );

  const started = await nextReply(worker).catch(async (error: unknown) => {
    await worker.terminate();
    throw error;
  });
  if (started.type !== 'ready') {
    await worker.terminate();
    throw started.type === 'failed'
      ? fromThreadError(started.error)
      : new Error(`local chain worker answered ${started.type} before ready`);
  }
  const described = started.chain;

  worker.on('error', (error) => (crash = error));
  void exited.then(() => {
    if (closing !== undefined) return;
    const why = crash === undefined ? `exit code ${exitCode}` : (crash.stack ?? crash.message);
    log(`local chain (${described.rpcUrl}) stopped unexpectedly: ${why}`);
  });

  const signal = new Int32Array(answered);
  let hung = false;
  const call = (request: LocalChainCall): LocalChainAnswer & { ok: true } => {
    if (exitCode !== undefined || closing !== undefined) {
      throw new Error(`local chain (${described.rpcUrl}) is stopped`);
    }
    // A late answer would be taken for the next call's.
    if (hung) throw new Error(`local chain (${described.rpcUrl}) stopped answering`);
    Atomics.store(signal, 0, 0);
    channel.port1.postMessage(request);
    if (Atomics.wait(signal, 0, 0, CALL_TIMEOUT_MS) === 'timed-out') {
      hung = true;
      throw new Error(
        `local chain worker did not answer ${request.method} in ${CALL_TIMEOUT_MS} ms`,
      );
    }
    const reply = receiveMessageOnPort(channel.port1)?.message as LocalChainAnswer | undefined;
    if (reply === undefined)
      throw new Error(`local chain worker lost the answer to ${request.method}`);
    if (!reply.ok) throw fromThreadError(reply.error);
    return reply;
  };

  const tokens: LocalToken[] = described.tokens.map((token) => ({
    symbol: token.symbol,
    mint: new PublicKey(token.mint),
    programId: new PublicKey(token.programId),
    decimals: token.decimals,
  }));
  const usdc = tokens.find((token) => token.symbol === 'USDC');
  if (usdc === undefined) throw new Error('local chain worker reported no USDC mint');

  return {
    rpcUrl: described.rpcUrl,
    wsUrl: described.wsUrl,
    mint: usdc.mint,
    mints: Object.fromEntries(tokens.map((token) => [token.symbol, token.mint])),
    tokens,
    prices: {
      setUsdRate: (currency, usdPerUnit) =>
        void call({ method: 'setUsdRate', currency, usdPerUnit }),
      update: (currency, change) => void call({ method: 'updatePriceFeed', currency, change }),
      state: (currency) =>
        call({ method: 'priceFeedState', currency }).value as LocalFeedState | undefined,
    },
    mintAuthority: Keypair.fromSecretKey(described.mintAuthority),
    restored: described.restored,
    stateId: described.stateId,
    gas: Keypair.fromSecretKey(described.gas),
    buyer: Keypair.fromSecretKey(described.buyer),
    merchant: Keypair.fromSecretKey(described.merchant),
    ...(described.keypairPaths ? { keypairPaths: described.keypairPaths } : {}),
    async createFundedWallet(opts = {}) {
      const { value } = call({ method: 'createFundedWallet', ...opts });
      return Keypair.fromSecretKey(value as Uint8Array);
    },
    async mintTo(owner, baseUnits) {
      call({ method: 'mintTo', owner: owner.toBase58(), baseUnits });
    },
    async mintToken(symbol, owner, baseUnits) {
      call({ method: 'mintToken', symbol, owner: owner.toBase58(), baseUnits });
    },
    async airdrop(to, lamports) {
      call({ method: 'airdrop', to: to.toBase58(), lamports });
    },
    async advanceSlots(n) {
      call({ method: 'advanceSlots', n });
    },
    setRpcFault(fault) {
      call({ method: 'setRpcFault', fault });
    },
    close() {
      closing ??= (async () => {
        channel.port1.close();
        if (exitCode !== undefined) return;
        const request: LocalChainWorkerRequest = { type: 'close' };
        worker.postMessage(request);
        const reply = await nextReply(worker);
        // The state file is written and the servers are closed; the thread can go.
        await worker.terminate();
        if (reply.type === 'close-failed') throw fromThreadError(reply.error);
      })();
      return closing;
    },
  };
}

/** The worker's next message; rejects if the thread throws or exits first. */
function nextReply(worker: Worker): Promise<LocalChainWorkerReply> {
  return new Promise((resolve, reject) => {
    const settle = (outcome: () => void) => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      outcome();
    };
    const onMessage = (reply: LocalChainWorkerReply) => settle(() => resolve(reply));
    const onError = (error: Error) => settle(() => reject(error));
    const onExit = (code: number) =>
      settle(() => reject(new Error(`local chain worker exited (code ${code})`)));
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}
