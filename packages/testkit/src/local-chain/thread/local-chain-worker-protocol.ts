import type { MessagePort } from 'node:worker_threads';
import type { LocalChainOptions, RpcFault } from '../local-chain';
import type { LocalFeedState } from '../chain/price-feeds';
import type { ThreadError } from './thread-error';

/** What `startLocalChainInWorker` hands the worker (`workerData`). */
export interface LocalChainWorkerData {
  options: LocalChainOptions;
  /** Port of the synchronous calls (see {@link LocalChainCall}). */
  calls: MessagePort;
  /** One Int32 the worker sets to 1 and notifies once a call's answer is on `calls`. */
  answered: SharedArrayBuffer;
}

/** A keypair as it crosses the thread boundary. */
export type SecretKey = Uint8Array;

/** The chain's fixed facts, sent once with `ready` (keys as bytes, rebuilt on the main thread). */
export interface LocalChainDescription {
  rpcUrl: string;
  wsUrl: string;
  tokens: Array<{ symbol: string; mint: string; programId: string; decimals: number }>;
  mintAuthority: SecretKey;
  restored: boolean;
  stateId: string;
  gas: SecretKey;
  buyer: SecretKey;
  merchant: SecretKey;
  keypairPaths?: { gas: string; buyer: string; merchant: string };
}

/** Messages the worker posts on its parent port: one `ready` or `failed`, then, after `close`, one `closed` or `close-failed`. */
export type LocalChainWorkerReply =
  | { type: 'ready'; chain: LocalChainDescription }
  | { type: 'failed'; error: ThreadError }
  | { type: 'closed' }
  | { type: 'close-failed'; error: ThreadError };

/** The one message the worker accepts on its parent port: write the state and stop. */
export interface LocalChainWorkerRequest {
  type: 'close';
}

/**
 * The chain's methods, called synchronously from the main thread (it waits on `answered`), so
 * that a test's `prices.setUsdRate(…)` or `setRpcFault(…)` is in force before its next request.
 */
export type LocalChainCall =
  | { method: 'createFundedWallet'; lamports?: bigint; usdc?: bigint }
  | { method: 'mintTo'; owner: string; baseUnits: bigint }
  | { method: 'mintToken'; symbol: string; owner: string; baseUnits: bigint }
  | { method: 'airdrop'; to: string; lamports: bigint }
  | { method: 'advanceSlots'; n: number }
  | { method: 'setRpcFault'; fault: RpcFault | null }
  | { method: 'setUsdRate'; currency: string; usdPerUnit: string }
  | { method: 'updatePriceFeed'; currency: string; change: Partial<LocalFeedState> }
  | { method: 'priceFeedState'; currency: string };

/** The answer to a {@link LocalChainCall}: a value (a new wallet's key, a feed's state) or an error. */
export type LocalChainAnswer =
  { ok: true; value?: SecretKey | LocalFeedState } | { ok: false; error: ThreadError };
