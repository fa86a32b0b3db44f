import type { Keypair, PublicKey } from '@solana/web3.js';
import type { LocalPriceFeeds } from './chain/price-feeds';
import type { RpcFault } from './rpc/rpc-server';

/** What a test can do to the chain's price feeds (see {@link LocalPriceFeeds}). */
export type LocalPrices = Pick<LocalPriceFeeds, 'setUsdRate' | 'update' | 'state'>;

/** A settlement token's mint on the local chain. */
export interface LocalToken {
  symbol: string;
  mint: PublicKey;
  /** SPL Token or Token-2022. */
  programId: PublicKey;
  decimals: number;
}

export type { RpcFault } from './rpc/rpc-server';

/** Options of {@link LocalChain} (all optional). */
export interface LocalChainOptions {
  /** HTTP port (WebSocket on port + 1, like solana-test-validator). Default 0: any free pair. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Milliseconds per slot; a timer produces one block per slot. Default 400. */
  slotMs?: number;
  /** Slots after which a landed transaction is `finalized` (it is `confirmed` one slot after landing). Default 2. */
  finalizeAfterSlots?: number;
  /**
   * Time from landing to `finalized` (150 ≈ mainnet since Alpenglow, 13 000 ≈ older clusters).
   * Sets `finalizeAfterSlots` (and shorter slots below 800 ms) unless those are given.
   */
  finalityMs?: number;
  /** Added before each JSON-RPC answer (a hosted RPC's round trip). Default 0. */
  responseDelayMs?: number;
  /** Blocks a blockhash stays valid (`lastValidBlockHeight` = height + this). Default: about 60 s of slots (150 at 400 ms). */
  blockhashLifetimeBlocks?: number;
  /** If set, gas/buyer/merchant keypairs are read from (or written to) JSON files there (Solana CLI format). */
  keypairDir?: string;
  /** Initial funding. Defaults: 100 SOL each, buyer 1,000 USDC, merchant 0 USDC (ATA still created). */
  seed?: { buyerUsdc?: bigint; merchantUsdc?: bigint; lamports?: bigint };
  /** US dollars per unit of each priced currency (defaults: `DEFAULT_LOCAL_USD_RATES`). */
  usdRates?: Readonly<Record<string, string>>;
  /**
   * If set, the chain is restored from the snapshot file there (when it holds one) and writes it
   * after every landed transaction and at close: a restart continues the same chain.
   */
  statePath?: string;
  /** Written into a new snapshot (default: a random id); a restored chain keeps the file's. */
  stateId?: string;
}

/** A running local Solana chain reachable through standard JSON-RPC. */
export interface LocalChain {
  /** HTTP JSON-RPC endpoint (give it to `new Connection(rpcUrl)`). */
  rpcUrl: string;
  /** PubSub WebSocket endpoint (rpc port + 1; web3.js derives it by itself). */
  wsUrl: string;
  /** USDC-like mint, 6 decimals. */
  mint: PublicKey;
  /** Mint of every settlement token of the table, by symbol (`USDC` is {@link mint}). */
  mints: Record<string, PublicKey>;
  /** Every local settlement token with its program (one Token-2022). */
  tokens: LocalToken[];
  /** The Pyth-layout price accounts, republished every slot; tests may change them. */
  prices: LocalPrices;
  mintAuthority: Keypair;
  /** True when the chain continued from the `statePath` snapshot. */
  restored: boolean;
  /** The id in the snapshot (ties it to the database and simulator state written with it). */
  stateId: string;
  /** Fee payer wallet (SOL only). */
  gas: Keypair;
  /** Holds SOL and USDC (in its ATA). */
  buyer: Keypair;
  /** Holds SOL; its USDC ATA exists. */
  merchant: Keypair;
  /** Where the keypair files are, when `keypairDir` was given. */
  keypairPaths?: { gas: string; buyer: string; merchant: string };
  /** A new wallet with SOL (default 10 SOL) and optionally USDC in its ATA. */
  createFundedWallet(opts?: { lamports?: bigint; usdc?: bigint }): Promise<Keypair>;
  /** Mints USDC base units to `owner`'s ATA, creating the ATA if missing. */
  mintTo(owner: PublicKey, baseUnits: bigint): Promise<void>;
  /** Mints base units of the settlement token `symbol` to `owner`'s ATA (created if missing). */
  mintToken(symbol: string, owner: PublicKey, baseUnits: bigint): Promise<void>;
  /** Sends lamports to `to` (a recorded faucet transfer). */
  airdrop(to: PublicKey, lamports: bigint): Promise<void>;
  /** Produces `n` blocks at once (e.g. to expire blockhashes in tests). */
  advanceSlots(n: number): Promise<void>;
  /** Makes matching RPC requests fail (HTTP 503) or hang; `null` clears it. */
  setRpcFault(fault: null | RpcFault): void;
  /** Stops the timer and both servers; closes every connection. */
  close(): Promise<void>;
}
