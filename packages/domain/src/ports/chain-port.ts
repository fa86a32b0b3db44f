import type { GuardRef } from '../records/payable-record';

/** What a discovered transaction must look like to pay a record (DESIGN §3.4). */
export interface TransferExpectation {
  guard: GuardRef;
  mint: string;
  /** Program owning the mint (SPL Token or Token-2022). */
  tokenProgram: string;
  decimals: number;
  amount: bigint;
  recipientWallet: string;
  reference: string;
}

/** Why a transaction does not (yet) count. `not-found`/`not-yet-committed` may change later. */
export type ValidationFailureReason =
  | 'not-found'
  | 'not-yet-committed'
  | 'failed-on-chain'
  | 'foreign-fee-payer'
  | 'missing-guard'
  | 'wrong-program'
  | 'not-transfer-checked'
  | 'wrong-mint'
  | 'wrong-decimals'
  | 'wrong-amount'
  | 'wrong-destination'
  | 'missing-reference'
  | 'balance-mismatch';

/** Result of validating a transaction from chain data. */
export type TransferValidation =
  | { ok: true; payer: string; slot: bigint; blockTime: Date | null }
  | { ok: false; reason: ValidationFailureReason; detail: string };

/** The paying wallet's token account, read in the same round trip as the guard. */
export interface PayerFunds {
  wallet: string;
  mint: string;
  /** Base units it holds; `null` when the wallet has no (usable) token account of the mint. */
  amount: bigint | null;
}

/**
 * State of a guard account on chain, given the transactions we served with it; with
 * `payerFunds` when the payer was named and its token account could be read with the guard.
 */
export type GuardInspection = (
  { state: 'fresh' } | { state: 'consumed-by-us'; signature: string } | { state: 'blocked' }
) & { payerFunds?: PayerFunds };

/** A transaction built, pre-signed by gas and guard, and simulated successfully. */
export type BuiltTransfer =
  | {
      ok: true;
      base64: string;
      signature: string;
      lastValidBlockHeight: bigint;
      guardAddress: string;
    }
  | { ok: false; reason: 'insufficient-funds' | 'simulation-failed'; message: string };

/** On-chain status of a signature, as the poll needs it. */
export interface SignatureState {
  /** The transaction landed and reached the configured commitment. */
  committed: boolean;
  /** It landed with an error (`meta.err`). */
  failed: boolean;
}

/**
 * Outcome of submitting a guard burn (DESIGN §3.2): `submitted` = sent, not awaited (whether it
 * lands is seen later with `guardConsumed`); `already-consumed` = the guard is in use at
 * `confirmed` (a served transaction or an earlier burn landed, or a third party pre-funded it);
 * `failed` = nothing is known to have been sent; retry.
 */
export type BurnOutcome =
  | { outcome: 'submitted'; signature: string }
  | { outcome: 'already-consumed' }
  | { outcome: 'failed'; message: string };

/** The chain as the use cases see it. Implemented with web3.js in `@solpay/solana`. */
export interface ChainPort {
  /** Public key (base58) of a guard; derived from the server secret. */
  guardAddress(guard: GuardRef): string;
  /** Current block height at the configured commitment. */
  getBlockHeight(): Promise<bigint>;
  /** Is the guard untouched, consumed by one of `servedSignatures`, or blocked by a third party? */
  inspectGuard(
    guard: GuardRef,
    servedSignatures: string[],
    /** The paying wallet and the mint (owned by `tokenProgram`) whose account to read along. */
    payer?: { wallet: string; mint: string; tokenProgram: string },
  ): Promise<GuardInspection>;
  /** Builds, pre-signs and simulates a transfer from `payer` to `recipientWallet`. */
  buildTransfer(input: {
    guard: GuardRef;
    payer: string;
    recipientWallet: string;
    mint: string;
    /** Program owning the mint (SPL Token or Token-2022). */
    tokenProgram: string;
    /** Token symbol, for messages (e.g. an insufficient balance). */
    tokenSymbol: string;
    decimals: number;
    amount: bigint;
    reference: string;
    memo?: string;
    /** The payer's funds as `inspectGuard` read them just now: no second read, no simulation. */
    payerFunds?: PayerFunds;
  }): Promise<BuiltTransfer>;
  /** Validates a transaction by signature from chain data. */
  validateTransfer(
    signature: string,
    expectation: TransferExpectation,
  ): Promise<TransferValidation>;
  /** Statuses of many signatures; `null` = unknown to the cluster. */
  signatureStates(signatures: string[]): Promise<Map<string, SignatureState | null>>;
  /** Sends a gas-only transaction that consumes the guard, without waiting for it to land. */
  submitBurn(guard: GuardRef): Promise<BurnOutcome>;
  /** Did a transaction consuming the guard reach the configured commitment (finality in production)? */
  guardConsumed(guard: GuardRef): Promise<boolean>;
  /** Sends the guard's lamports back to the gas wallet. */
  sweepGuard(
    guard: GuardRef,
  ): Promise<{ ok: true; signature: string | null } | { ok: false; message: string }>;
}
