import { randomUUID } from 'node:crypto';
import { Keypair, LAMPORTS_PER_SOL, PublicKey } from '@solana/web3.js';
import { ChainCore } from './chain/chain-core';
import {
  readChainSnapshot,
  restoreChain,
  snapshotChain,
  writeChainSnapshot,
  type SnapshotMint,
} from './chain/chain-snapshot';
import { Faucet } from './chain/faucet';
import { loadOrCreateKeypair } from './keypair-files';
import type { LocalChain, LocalChainOptions } from './local-chain';
import { createAccountMethods } from './rpc/methods/account-methods';
import { createClusterMethods } from './rpc/methods/cluster-methods';
import { createTokenMethods } from './rpc/methods/token-methods';
import { createTransactionMethods } from './rpc/methods/transaction-methods';
import { RpcServer } from './rpc/rpc-server';
import { PubSubServer } from './ws/pubsub-server';

/** Decimals of the local USDC-like mint. */
export const LOCAL_USDC_DECIMALS = 6;
const DEFAULT_LAMPORTS = 100n * BigInt(LAMPORTS_PER_SOL);
const DEFAULT_WALLET_LAMPORTS = 10n * BigInt(LAMPORTS_PER_SOL);
const DEFAULT_BUYER_USDC = 1_000_000_000n;
/** Landed transactions within this window are written to the snapshot together. */
const SNAPSHOT_DEBOUNCE_MS = 200;

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
 * A USDC-like mint is created and the gas, buyer and merchant wallets are funded — unless
 * `statePath` holds a snapshot: then the chain continues from it (same mints, balances, ledger
 * and genesis; the slot moves on) and keeps it current after every landed transaction and at close.
 */
export async function startLocalChain(options: LocalChainOptions = {}): Promise<LocalChain> {
  const host = options.host ?? '127.0.0.1';
  const timing = chainTiming(options);
  const snapshot = options.statePath ? readChainSnapshot(options.statePath) : undefined;
  const restorable = snapshot?.mints.USDC !== undefined ? snapshot : undefined;
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
  let mint: PublicKey;
  let mintAuthority: Keypair;
  const usdc = restorable?.mints.USDC;
  if (restorable && usdc) {
    restoreChain(core, restorable);
    mint = new PublicKey(usdc.mint);
    mintAuthority = Keypair.fromSecretKey(Uint8Array.from(usdc.authority));
  } else {
    const mintKeypair = Keypair.generate();
    mintAuthority = Keypair.generate();
    const lamports = options.seed?.lamports ?? DEFAULT_LAMPORTS;
    faucet.createMint(mintKeypair, mintAuthority.publicKey, LOCAL_USDC_DECIMALS);
    for (const wallet of [wallets.gas, wallets.buyer, wallets.merchant]) {
      if (lamports > 0n) faucet.airdrop(wallet.publicKey, lamports);
    }
    mint = mintKeypair.publicKey;
    faucet.mintTo(
      mint,
      mintAuthority,
      wallets.buyer.publicKey,
      options.seed?.buyerUsdc ?? DEFAULT_BUYER_USDC,
    );
    faucet.mintTo(
      mint,
      mintAuthority,
      wallets.merchant.publicKey,
      options.seed?.merchantUsdc ?? 0n,
    );
    // Setup transactions start out finalized, as if the chain had been running for a while.
    core.advance(timing.finalizeAfterSlots);
  }

  const stateId = restorable?.stateId ?? options.stateId ?? randomUUID();
  const mints: Record<string, SnapshotMint> = {
    USDC: {
      mint: mint.toBase58(),
      authority: Array.from(mintAuthority.secretKey),
      decimals: LOCAL_USDC_DECIMALS,
    },
  };
  const statePath = options.statePath;
  let saveTimer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(saveTimer);
    saveTimer = undefined;
    if (statePath) writeChainSnapshot(statePath, snapshotChain(core, { stateId, mints }));
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
