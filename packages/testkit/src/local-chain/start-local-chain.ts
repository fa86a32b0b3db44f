import { randomUUID } from 'node:crypto';
import { Keypair, LAMPORTS_PER_SOL, PublicKey } from '@solana/web3.js';
import { SETTLEMENT_TOKENS } from '@solpay/domain';
import { ChainCore } from './chain/chain-core';
import {
  readChainSnapshot,
  createChainSnapshotter,
  restoreChain,
  writeChainSnapshot,
  type SnapshotMint,
} from './chain/chain-snapshot';
import { Faucet } from './chain/faucet';
import { LocalPriceFeeds } from './chain/price-feeds';
import { loadOrCreateKeypair } from './keypair-files';
import type { LocalChain, LocalChainOptions, LocalToken } from './local-chain';
import { createAccountMethods } from './rpc/methods/account-methods';
import { createClusterMethods } from './rpc/methods/cluster-methods';
import { createTokenMethods } from './rpc/methods/token-methods';
import { createTransactionMethods } from './rpc/methods/transaction-methods';
import { RpcServer } from './rpc/rpc-server';
import { PubSubServer } from './ws/pubsub-server';

const DEFAULT_LAMPORTS = 100n * BigInt(LAMPORTS_PER_SOL);
const DEFAULT_WALLET_LAMPORTS = 10n * BigInt(LAMPORTS_PER_SOL);
const DEFAULT_BUYER_USDC = 1_000_000_000n;
/**
 * Landed transactions within this window are written to the snapshot together. Writing the whole
 * chain is synchronous and grows with the ledger: at 200 ms it was a visible share of the stack's
 * CPU under load (docs/performance.md); `close()` still writes the last state.
 */
const SNAPSHOT_DEBOUNCE_MS = 1000;

async function walletKeypairs(dir: string | undefined) {
  if (!dir) {
    return {
      gas: Keypair.generate(),
      buyer: Keypair.generate(),
      merchant: Keypair.generate(),
      paths: undefined,
    };
  }
  const [gas, buyer, merchant] = await Promise.all(
    ['gas', 'buyer', 'merchant'].map((name) => loadOrCreateKeypair(dir, name)),
  );
  if (!gas || !buyer || !merchant) throw new Error('keypair files could not be prepared');
  return {
    gas: gas.keypair,
    buyer: buyer.keypair,
    merchant: merchant.keypair,
    paths: { gas: gas.path, buyer: buyer.path, merchant: merchant.path },
  };
}

/**
 * Starts a local Solana chain: LiteSVM (real System, SPL Token, ATA and Memo programs)
 * behind a JSON-RPC HTTP server and a PubSub WebSocket, producing a block every `slotMs`.
 * A mint is created for every settlement token (USDC-like `mint`, EURC, a Token-2022 PYUSD) and
 * the gas, buyer and merchant wallets are funded in each — unless
 * `statePath` holds a snapshot: then the chain continues from it (same mints, balances, ledger
 * and genesis; the slot moves on) and keeps it current after every landed transaction and at close.
 */
export async function startLocalChain(options: LocalChainOptions = {}): Promise<LocalChain> {
  const host = options.host ?? '127.0.0.1';
  const timing = chainTiming(options);
  const snapshot = options.statePath ? readChainSnapshot(options.statePath) : undefined;
  // A snapshot without a mint for every settlement token predates the token table: start afresh.
  const restorable = SETTLEMENT_TOKENS.every((row) => snapshot?.mints[row.symbol] !== undefined)
    ? snapshot
    : undefined;
  const core = new ChainCore({
    finalizeAfterSlots: timing.finalizeAfterSlots,
    blockhashLifetimeBlocks: timing.blockhashLifetimeBlocks,
    ...(restorable
      ? {
          resume: {
            genesisSeed: restorable.genesisSeed,
            slot: restorable.tip.slot,
            blockHeight: restorable.tip.blockHeight,
          },
        }
      : {}),
  });
  const faucet = new Faucet(core);
  const deps = { core, faucet };
  const pubsub = new PubSubServer(core);
  const server = new RpcServer({
    pubsub,
    responseDelayMs: options.responseDelayMs ?? 0,
    methods: {
      ...createClusterMethods(deps),
      ...createAccountMethods(deps),
      ...createTokenMethods(deps),
      ...createTransactionMethods(deps),
    },
  });

  const wallets = await walletKeypairs(options.keypairDir);
  let mintAuthority: Keypair;
  let tokens: LocalToken[];
  if (restorable) {
    restoreChain(core, restorable);
    const usdcMint = restorable.mints.USDC as SnapshotMint;
    mintAuthority = Keypair.fromSecretKey(Uint8Array.from(usdcMint.authority));
    tokens = SETTLEMENT_TOKENS.map((row) => {
      const saved = restorable.mints[row.symbol] as SnapshotMint;
      return {
        symbol: row.symbol,
        mint: new PublicKey(saved.mint),
        programId: new PublicKey(row.tokenProgram),
        decimals: saved.decimals,
      };
    });
  } else {
    mintAuthority = Keypair.generate();
    const lamports = options.seed?.lamports ?? DEFAULT_LAMPORTS;
    for (const wallet of [wallets.gas, wallets.buyer, wallets.merchant]) {
      if (lamports > 0n) faucet.airdrop(wallet.publicKey, lamports);
    }
    // One local mint per row of the settlement-token table, with the row's program and decimals
    // (PYUSD is a Token-2022 mint), and the buyer funded in each.
    const authority = mintAuthority;
    tokens = SETTLEMENT_TOKENS.map((row) => {
      const keypair = Keypair.generate();
      const programId = new PublicKey(row.tokenProgram);
      faucet.createMint(keypair, authority.publicKey, row.decimals, programId);
      return { symbol: row.symbol, mint: keypair.publicKey, programId, decimals: row.decimals };
    });
    for (const token of tokens) {
      const usdc = token.symbol === 'USDC';
      faucet.mintTo(
        token.mint,
        authority,
        wallets.buyer.publicKey,
        usdc ? (options.seed?.buyerUsdc ?? DEFAULT_BUYER_USDC) : DEFAULT_BUYER_USDC,
        token.programId,
      );
      faucet.mintTo(
        token.mint,
        authority,
        wallets.merchant.publicKey,
        usdc ? (options.seed?.merchantUsdc ?? 0n) : 0n,
        token.programId,
      );
    }
    // Setup transactions start out finalized, as if the chain had been running for a while.
    core.advance(timing.finalizeAfterSlots);
  }
  const tokenOf = (symbol: string): LocalToken => {
    const token = tokens.find((candidate) => candidate.symbol === symbol);
    if (!token) throw new Error(`No local settlement token ${symbol}`);
    return token;
  };
  const mint = tokenOf('USDC').mint;
  const prices = new LocalPriceFeeds(core, options.usdRates);

  const stateId = restorable?.stateId ?? options.stateId ?? randomUUID();
  const mints: Record<string, SnapshotMint> = Object.fromEntries(
    tokens.map((token) => [
      token.symbol,
      {
        mint: token.mint.toBase58(),
        authority: Array.from(mintAuthority.secretKey),
        decimals: token.decimals,
      },
    ]),
  );
  const statePath = options.statePath;
  let saveTimer: NodeJS.Timeout | undefined;
  const snapshotChain = createChainSnapshotter(core);
  const save = () => {
    clearTimeout(saveTimer);
    saveTimer = undefined;
    if (statePath) writeChainSnapshot(statePath, snapshotChain({ stateId, mints }));
  };
  if (statePath) {
    save();
    core.subscribe({
      onLanded: () => {
        saveTimer ??= setTimeout(save, SNAPSHOT_DEBOUNCE_MS);
        saveTimer.unref();
      },
    });
  }

  const port = await server.listen(host, options.port ?? 0);
  const timer = setInterval(() => core.advance(1), timing.slotMs);
  timer.unref();
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closed: Promise<void> | null = null;

  return {
    rpcUrl: `http://${urlHost}:${port}`,
    wsUrl: `ws://${urlHost}:${port + 1}`,
    mint,
    mints: Object.fromEntries(tokens.map((token) => [token.symbol, token.mint])),
    tokens,
    prices,
    mintAuthority,
    restored: restorable !== undefined,
    stateId,
    gas: wallets.gas,
    buyer: wallets.buyer,
    merchant: wallets.merchant,
    ...(wallets.paths ? { keypairPaths: wallets.paths } : {}),
    async createFundedWallet(opts = {}) {
      const wallet = Keypair.generate();
      const walletLamports = opts.lamports ?? DEFAULT_WALLET_LAMPORTS;
      if (walletLamports > 0n) faucet.airdrop(wallet.publicKey, walletLamports);
      if (opts.usdc !== undefined && opts.usdc > 0n)
        faucet.mintTo(mint, mintAuthority, wallet.publicKey, opts.usdc);
      return wallet;
    },
    async mintTo(owner: PublicKey, baseUnits: bigint) {
      faucet.mintTo(mint, mintAuthority, owner, baseUnits);
    },
    async mintToken(symbol: string, owner: PublicKey, baseUnits: bigint) {
      const token = tokenOf(symbol);
      faucet.mintTo(token.mint, mintAuthority, owner, baseUnits, token.programId);
    },
    async airdrop(to: PublicKey, amount: bigint) {
      faucet.airdrop(to, amount);
    },
    async advanceSlots(n: number) {
      if (!Number.isInteger(n) || n < 0)
        throw new Error(`advanceSlots needs a non-negative integer, got ${n}`);
      if (n > 0) core.advance(n);
    },
    setRpcFault(fault) {
      server.setFault(fault);
    },
    close() {
      if (!closed) {
        clearInterval(timer);
        save();
        closed = server.close();
      }
      return closed;
    },
  };
}

/** Slot time when neither `slotMs` nor a short `finalityMs` says otherwise (a real cluster's). */
const DEFAULT_SLOT_MS = 400;

/** A blockhash's lifetime on a real cluster: 150 blocks of 400 ms. */
const BLOCKHASH_LIFETIME_MS = 150 * DEFAULT_SLOT_MS;

/**
 * Slot time, finality depth and blockhash lifetime from the options: `finalityMs` picks the
 * depth (and, below two default slots, shorter slots so that `confirmed` still comes before
 * `finalized`); the blockhash lifetime stays about 60 s of wall time either way.
 */
function chainTiming(options: LocalChainOptions): {
  slotMs: number;
  finalizeAfterSlots: number;
  blockhashLifetimeBlocks: number;
} {
  const finalityMs = options.finalityMs;
  const slotMs =
    options.slotMs ??
    (finalityMs !== undefined && finalityMs < 2 * DEFAULT_SLOT_MS
      ? Math.max(10, Math.floor(finalityMs / 2))
      : DEFAULT_SLOT_MS);
  const finalizeAfterSlots =
    options.finalizeAfterSlots ??
    (finalityMs !== undefined ? Math.max(1, Math.ceil(finalityMs / slotMs)) : 2);
  const blockhashLifetimeBlocks =
    options.blockhashLifetimeBlocks ?? Math.round(BLOCKHASH_LIFETIME_MS / slotMs);
  return { slotMs, finalizeAfterSlots, blockhashLifetimeBlocks };
}
