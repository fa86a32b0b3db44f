import { createHash } from 'node:crypto';
import type {
  BuiltTransfer,
  BurnOutcome,
  ChainPort,
  GuardInspection,
  PayerFunds,
  SignatureState,
  TransferExpectation,
  TransferValidation,
} from '../ports/chain-port';
import type { Clock } from '../ports/clock';
import type { GuardRef } from '../records/payable-record';
import { encodeBase58 } from '../encoding/encode-base58';
import { formatTokenAmount } from '../money/format-token-amount';

/** The token transfer a transaction carries (its last instruction, `TransferChecked`). */
export interface ChainTransfer {
  payer: string;
  recipientWallet: string;
  mint: string;
  tokenProgram: string;
  decimals: number;
  amount: bigint;
  reference: string;
}

/** What became of a transaction that landed in a block. */
export interface LandedResult {
  slot: bigint;
  /** `meta.err`: null when it succeeded. */
  err: string | null;
  /** Reached `finalized` (else only `confirmed`). */
  finalized: boolean;
  /** How much the transfer's destination account gained. */
  destinationDelta: bigint;
  blockTime: Date | null;
}

/** A transaction the chain knows: built (pre-signed by us), sent, and maybe landed. */
export interface ChainTransaction {
  signature: string;
  /**
   * `transfer`: createAccount(guard) + TransferChecked; `burn`: createAccount(guard) only;
   * `sweep`: guard lamports back to gas; `foreign`: someone else's lamport transfer to the guard.
   */
  kind: 'transfer' | 'burn' | 'sweep' | 'foreign';
  feePayer: string;
  guardAddress: string;
  transfer: ChainTransfer | null;
  lastValidBlockHeight: bigint;
  sent: boolean;
  landed: LandedResult | null;
}

/** Options of {@link InMemoryChain}. */
export interface InMemoryChainOptions {
  /** Commitment a payment must reach before it counts (default `finalized`, as in production). */
  commitment?: 'confirmed' | 'finalized';
  /** Our gas (fee payer) wallet. */
  gasWallet?: string;
  /** Lamports the gas wallet starts with. */
  gasLamports?: bigint;
  /** Rent-exempt minimum a guard account holds once created. */
  rentLamports?: bigint;
  /** Fee per landed transaction. */
  feeLamports?: bigint;
  /** Blocks a blockhash stays valid (Solana: 150). */
  blockhashLifetime?: bigint;
  /** Gives landed transactions a block time. */
  clock?: Clock;
  /**
   * Each RPC call moves this clock on by `ms` (a slow RPC node, on a clock the test controls), so
   * time budgets can be tested without waiting.
   */
  latency?: { clock: { advance(ms: number): void }; ms: number };
}

const ENCODING_PREFIX = 'in-memory-chain-tx:';

/**
 * A {@link ChainPort} with a small ledger behind it, faithful to what the money rules rely on:
 * guards are accounts that a transaction creates once (a second `createAccount` fails with
 * `AccountAlreadyInUse`, so only one transaction per guard can land, and a burn or a third
 * party's pre-funding blocks the rest); token balances move only when a transfer lands; a
 * transaction lands only within its blockhash's `lastValidBlockHeight`; landed transactions are
 * `confirmed` until {@link finalize}d; validation reads the landed transaction, never a hint.
 * Tests play the wallet, the cluster and third parties with {@link send}, {@link land},
 * {@link finalize}, {@link advanceBlocks}, {@link prefundGuard} and {@link fund}.
 */
export class InMemoryChain implements ChainPort {
  readonly gasWallet: string;
  readonly rentLamports: bigint;
  readonly feeLamports: bigint;
  readonly transactions = new Map<string, ChainTransaction>();
  /** Set to make every RPC call fail, as an unreachable RPC node does. */
  rpcDown = false;
  private blockHeight = 1_000n;
  private slot = 50_000n;
  private blockhashHeight = 1_000n;
  private readonly lamports = new Map<string, bigint>();
  private readonly tokens = new Map<string, bigint>();
  private readonly commitment: 'confirmed' | 'finalized';
  private readonly lifetime: bigint;
  private readonly clock: Clock | undefined;
  private readonly latency: InMemoryChainOptions['latency'];
  /** RPC calls made through the port, by method name. */
  readonly rpcCalls: string[] = [];

  constructor(options: InMemoryChainOptions = {}) {
    this.commitment = options.commitment ?? 'finalized';
    this.gasWallet = options.gasWallet ?? 'GasWa11et1111111111111111111111111111111111';
    this.rentLamports = options.rentLamports ?? 890_880n;
    this.feeLamports = options.feeLamports ?? 5_000n;
    this.lifetime = options.blockhashLifetime ?? 150n;
    this.clock = options.clock;
    this.latency = options.latency;
    this.lamports.set(this.gasWallet, options.gasLamports ?? 10_000_000_000n);
  }

  // ---- the cluster, wallets and third parties (test controls) ----

  /** Gives `wallet` a token account of `mint` holding `amount` more base units. */
  fund(wallet: string, mint: string, amount: bigint): void {
    const key = tokenKey(wallet, mint);
    this.tokens.set(key, (this.tokens.get(key) ?? 0n) + amount);
  }

  /** Base units `wallet` holds of `mint`; null when it has no token account of it. */
  balance(wallet: string, mint: string): bigint | null {
    return this.tokens.get(tokenKey(wallet, mint)) ?? null;
  }

  /** Lamports an address holds (a guard's rent, the gas wallet). */
  lamportsOf(address: string): bigint {
    return this.lamports.get(address) ?? 0n;
  }

  /** Blocks pass: block height grows and a new blockhash is used for what is built next. */
  advanceBlocks(blocks: bigint | number): void {
    this.blockHeight += BigInt(blocks);
    this.slot += BigInt(blocks);
    this.blockhashHeight = this.blockHeight;
  }

  /** A third party sends lamports to a guard address (to block its `createAccount`); finalized. */
  prefundGuard(address: string, lamports = 1n): string {
    this.lamports.set(address, this.lamportsOf(address) + lamports);
    return this.record('foreign', address, 'ThirdParty1111111111111111111111111111111111');
  }

  /** The transaction a served base64 carries (what the wallet sees). */
  decode(base64: string): ChainTransaction {
    const text = Buffer.from(base64, 'base64').toString('utf8');
    if (!text.startsWith(ENCODING_PREFIX)) throw new Error('Not a transaction of this chain');
    const transaction = this.transactions.get(text.slice(ENCODING_PREFIX.length));
    if (!transaction) throw new Error('Unknown transaction');
    return transaction;
  }

  /** The wallet signs and sends a served transaction (base64) or a known signature. */
  send(base64OrSignature: string): string {
    const transaction = this.transactions.get(base64OrSignature) ?? this.decode(base64OrSignature);
    transaction.sent = true;
    return transaction.signature;
  }

  /**
   * A leader includes a sent transaction in a block (`confirmed`): it runs against the ledger
   * and lands with `meta.err` set when it cannot do what it says. Throws when its blockhash has
   * expired (it can never land) or it was never sent.
   */
  land(signature: string): LandedResult {
    const transaction = this.transactions.get(signature);
    if (!transaction?.sent) throw new Error(`Transaction ${signature} was not sent`);
    if (transaction.landed) return transaction.landed;
    if (this.blockHeight > transaction.lastValidBlockHeight) {
      throw new Error(`Transaction ${signature} expired (blockhash no longer valid)`);
    }
    this.slot += 1n;
    this.debit(this.gasWallet, this.feeLamports);
    let err: string | null = null;
    let destinationDelta = 0n;
    const { transfer } = transaction;
    if (this.lamportsOf(transaction.guardAddress) > 0n) {
      err = 'AccountAlreadyInUse';
    } else if (transfer && (this.balance(transfer.payer, transfer.mint) ?? 0n) < transfer.amount) {
      err = 'InsufficientFunds';
    } else {
      this.debit(this.gasWallet, this.rentLamports);
      this.lamports.set(transaction.guardAddress, this.rentLamports);
      if (transfer && transfer.payer !== transfer.recipientWallet) {
        this.fund(transfer.payer, transfer.mint, -transfer.amount);
        this.fund(transfer.recipientWallet, transfer.mint, transfer.amount);
        destinationDelta = transfer.amount;
      }
    }
    transaction.landed = {
      slot: this.slot,
      err,
      finalized: false,
      destinationDelta,
      blockTime: this.clock?.now() ?? null,
    };
    return transaction.landed;
  }

  /**
   * A leader produces a block: every sent transaction not yet landed lands, in the order sent;
   * one whose blockhash expired is dropped (it can never land).
   */
  produceBlock(): void {
    for (const transaction of this.transactions.values()) {
      if (!transaction.sent || transaction.landed) continue;
      if (this.blockHeight > transaction.lastValidBlockHeight) continue;
      this.land(transaction.signature);
    }
  }

  /** The cluster finalizes landed transactions (one, or every one landed so far). */
  finalize(signature?: string): void {
    for (const transaction of this.transactions.values()) {
      if (signature !== undefined && transaction.signature !== signature) continue;
      if (!transaction.landed) {
        if (signature !== undefined) throw new Error(`Transaction ${signature} has not landed`);
        continue;
      }
      transaction.landed.finalized = true;
    }
  }

  /** The wallet sends a served transaction and it lands and is finalized. */
  pay(base64: string): string {
    const signature = this.send(base64);
    this.land(signature);
    this.finalize(signature);
    return signature;
  }

  /** Burns sent for a guard, oldest first. */
  burnsOf(guardAddress: string): ChainTransaction[] {
    return [...this.transactions.values()].filter(
      (transaction) => transaction.kind === 'burn' && transaction.guardAddress === guardAddress,
    );
  }

  /** Transactions that landed successfully and moved tokens, i.e. money that moved. */
  successfulTransfers(): ChainTransaction[] {
    return [...this.transactions.values()].filter(
      (transaction) =>
        transaction.kind === 'transfer' &&
        transaction.landed?.err === null &&
        transaction.landed.destinationDelta > 0n,
    );
  }

  // ---- the port ----

  guardAddress(guard: GuardRef): string {
    return digest58(`guard|${guard.shop}|${guard.kind}|${guard.shopifyId}|${guard.generation}`);
  }

  async getBlockHeight(): Promise<bigint> {
    this.rpc('getBlockHeight');
    return this.blockHeight;
  }

  async inspectGuard(
    guard: GuardRef,
    servedSignatures: string[],
    payer?: { wallet: string; mint: string; tokenProgram: string },
  ): Promise<GuardInspection> {
    this.rpc('inspectGuard');
    const funds: { payerFunds?: PayerFunds } = payer
      ? {
          payerFunds: {
            wallet: payer.wallet,
            mint: payer.mint,
            amount: this.balance(payer.wallet, payer.mint),
          },
        }
      : {};
    const landed = servedSignatures.find(
      (signature) => this.transactions.get(signature)?.landed?.err === null,
    );
    if (landed !== undefined) return { state: 'consumed-by-us', signature: landed, ...funds };
    const blocked = this.lamportsOf(this.guardAddress(guard)) > 0n;
    return { state: blocked ? 'blocked' : 'fresh', ...funds };
  }

  async buildTransfer(input: {
    guard: GuardRef;
    payer: string;
    recipientWallet: string;
    mint: string;
    tokenProgram: string;
    tokenSymbol: string;
    decimals: number;
    amount: bigint;
    reference: string;
    memo?: string;
    payerFunds?: PayerFunds;
  }): Promise<BuiltTransfer> {
    this.rpc('buildTransfer');
    const guardAddress = this.guardAddress(input.guard);
    const known = input.payerFunds;
    const held =
      known && known.wallet === input.payer && known.mint === input.mint
        ? known.amount
        : this.balance(input.payer, input.mint);
    if (!known && this.lamportsOf(guardAddress) > 0n) {
      return {
        ok: false,
        reason: 'simulation-failed',
        message: 'Simulation failed: the guard account is already in use',
      };
    }
    if ((held ?? 0n) < input.amount) {
      const needed = `${formatTokenAmount(input.amount, input.decimals)} ${input.tokenSymbol}`;
      return {
        ok: false,
        reason: 'insufficient-funds',
        message:
          held === null
            ? `The wallet has no ${input.tokenSymbol} account; ${needed} is needed`
            : `The wallet holds ${formatTokenAmount(held, input.decimals)} ${input.tokenSymbol}; ${needed} is needed`,
      };
    }
    const transfer: ChainTransfer = {
      payer: input.payer,
      recipientWallet: input.recipientWallet,
      mint: input.mint,
      tokenProgram: input.tokenProgram,
      decimals: input.decimals,
      amount: input.amount,
      reference: input.reference,
    };
    // Same message and blockhash → same bytes → same signature, as on a real cluster.
    const signature = digest58(
      `transfer|${guardAddress}|${this.blockhashHeight}|${JSON.stringify(transfer, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))}`,
    );
    if (!this.transactions.has(signature)) {
      this.transactions.set(signature, {
        signature,
        kind: 'transfer',
        feePayer: this.gasWallet,
        guardAddress,
        transfer,
        lastValidBlockHeight: this.blockhashHeight + this.lifetime,
        sent: false,
        landed: null,
      });
    }
    const transaction = this.transactions.get(signature) as ChainTransaction;
    return {
      ok: true,
      base64: Buffer.from(`${ENCODING_PREFIX}${signature}`, 'utf8').toString('base64'),
      signature,
      lastValidBlockHeight: transaction.lastValidBlockHeight,
      guardAddress,
    };
  }

  async validateTransfer(
    signature: string,
    expectation: TransferExpectation,
  ): Promise<TransferValidation> {
    this.rpc('validateTransfer');
    const transaction = this.transactions.get(signature);
    const landed = transaction?.landed;
    if (!transaction || !landed) {
      return { ok: false, reason: 'not-found', detail: 'No such transaction' };
    }
    if (!this.committed(landed)) {
      return {
        ok: false,
        reason: 'not-yet-committed',
        detail: `Seen at confirmed, not ${this.commitment}`,
      };
    }
    if (landed.err !== null) return { ok: false, reason: 'failed-on-chain', detail: landed.err };
    if (transaction.guardAddress !== this.guardAddress(expectation.guard)) {
      return { ok: false, reason: 'missing-guard', detail: 'No createAccount of the record guard' };
    }
    if (transaction.feePayer !== this.gasWallet) {
      return {
        ok: false,
        reason: 'foreign-fee-payer',
        detail: `Fee payer ${transaction.feePayer}`,
      };
    }
    const { transfer } = transaction;
    if (!transfer || transfer.tokenProgram !== expectation.tokenProgram) {
      return {
        ok: false,
        reason: 'wrong-program',
        detail: `Last instruction program ${transfer?.tokenProgram ?? 'system'}`,
      };
    }
    if (transfer.mint !== expectation.mint) {
      return { ok: false, reason: 'wrong-mint', detail: `Mint ${transfer.mint}` };
    }
    if (transfer.decimals !== expectation.decimals) {
      return { ok: false, reason: 'wrong-decimals', detail: `Decimals ${transfer.decimals}` };
    }
    if (transfer.amount !== expectation.amount) {
      return {
        ok: false,
        reason: 'wrong-amount',
        detail: `Amount ${transfer.amount}, expected ${expectation.amount}`,
      };
    }
    if (transfer.recipientWallet !== expectation.recipientWallet) {
      return {
        ok: false,
        reason: 'wrong-destination',
        detail: `Destination ${transfer.recipientWallet}`,
      };
    }
    if (transfer.reference !== expectation.reference) {
      return {
        ok: false,
        reason: 'missing-reference',
        detail: 'The transfer does not carry the reference key',
      };
    }
    if (landed.destinationDelta !== expectation.amount) {
      return {
        ok: false,
        reason: 'balance-mismatch',
        detail: `Destination balance moved by ${landed.destinationDelta}`,
      };
    }
    return { ok: true, payer: transfer.payer, slot: landed.slot, blockTime: landed.blockTime };
  }

  async signatureStates(signatures: string[]): Promise<Map<string, SignatureState | null>> {
    this.rpc('signatureStates');
    return new Map(
      signatures.map((signature) => {
        const landed = this.transactions.get(signature)?.landed;
        return [
          signature,
          landed
            ? {
                failed: landed.err !== null,
                committed: landed.err === null && this.committed(landed),
              }
            : null,
        ];
      }),
    );
  }

  async submitBurn(guard: GuardRef): Promise<BurnOutcome> {
    this.rpc('submitBurn');
    const guardAddress = this.guardAddress(guard);
    // Simulated at `confirmed` first: a guard already in use costs no fee.
    if (this.lamportsOf(guardAddress) > 0n) return { outcome: 'already-consumed' };
    const signature = digest58(`burn|${guardAddress}|${this.blockhashHeight}`);
    if (!this.transactions.has(signature)) {
      this.transactions.set(signature, {
        signature,
        kind: 'burn',
        feePayer: this.gasWallet,
        guardAddress,
        transfer: null,
        lastValidBlockHeight: this.blockhashHeight + this.lifetime,
        sent: true,
        landed: null,
      });
    }
    return { outcome: 'submitted', signature };
  }

  async guardConsumed(guard: GuardRef): Promise<boolean> {
    this.rpc('guardConsumed');
    const guardAddress = this.guardAddress(guard);
    return [...this.transactions.values()].some(
      (transaction) =>
        transaction.guardAddress === guardAddress &&
        transaction.landed?.err === null &&
        this.committed(transaction.landed),
    );
  }

  async sweepGuard(
    guard: GuardRef,
  ): Promise<{ ok: true; signature: string | null } | { ok: false; message: string }> {
    this.rpc('sweepGuard');
    const guardAddress = this.guardAddress(guard);
    const lamports = this.lamportsOf(guardAddress);
    if (lamports === 0n) return { ok: true, signature: null };
    this.lamports.set(guardAddress, 0n);
    this.lamports.set(
      this.gasWallet,
      this.lamportsOf(this.gasWallet) + lamports - this.feeLamports,
    );
    return { ok: true, signature: this.record('sweep', guardAddress, this.gasWallet) };
  }

  /** Records a transaction that landed and was finalized at once (sweeps wait; foreign ones are old news). */
  private record(kind: 'sweep' | 'foreign', guardAddress: string, feePayer: string): string {
    this.slot += 1n;
    const signature = digest58(`${kind}|${guardAddress}|${this.slot}`);
    this.transactions.set(signature, {
      signature,
      kind,
      feePayer,
      guardAddress,
      transfer: null,
      lastValidBlockHeight: this.blockhashHeight + this.lifetime,
      sent: true,
      landed: {
        slot: this.slot,
        err: null,
        finalized: true,
        destinationDelta: 0n,
        blockTime: this.clock?.now() ?? null,
      },
    });
    return signature;
  }

  private committed(landed: LandedResult): boolean {
    return this.commitment === 'confirmed' || landed.finalized;
  }

  private debit(address: string, lamports: bigint): void {
    this.lamports.set(address, this.lamportsOf(address) - lamports);
  }

  private rpc(method: string): void {
    this.rpcCalls.push(method);
    this.latency?.clock.advance(this.latency.ms);
    if (this.rpcDown) throw new Error('Solana RPC unavailable');
  }
}

function tokenKey(wallet: string, mint: string): string {
  return `${wallet}|${mint}`;
}

function digest58(text: string): string {
  return encodeBase58(createHash('sha256').update(text).digest());
}
