import { resolveAccountKeys } from './account-keys';
import type { BlockClock } from './block-clock';
import {
  decodeTransaction,
  verifySignatures,
  type DecodedTransaction,
} from './decoded-transaction';
import type { LandedTransaction, Ledger } from './ledger';
import { feeForMessage } from './message-fee';
import type { AccountState, ExecutionReport, SvmRuntime } from './svm-runtime';
import { collectTokenBalances } from './token-balances';
import type { RpcTransactionError } from './transaction-error';

/** Why a transaction was refused before landing. */
export type SendFailure =
  | { ok: false; reason: 'malformed'; message: string }
  | { ok: false; reason: 'signature' }
  | { ok: false; reason: 'rejected'; report: ExecutionReport };

/** Result of {@link TransactionProcessor.send}. */
export type SendResult = { ok: true; signature: string; landed: LandedTransaction } | SendFailure;

/** Options of {@link TransactionProcessor.send}. */
export interface SendOptions {
  skipPreflight: boolean;
}

/** Options of {@link TransactionProcessor.simulate}. */
export interface SimulateOptions {
  sigVerify: boolean;
  replaceRecentBlockhash: boolean;
  /** Addresses whose post-simulation state is returned. */
  accountAddresses: string[] | null;
}

/** The `value` of a `simulateTransaction` answer, before JSON encoding. */
export interface SimulationValue extends ExecutionReport {
  accounts: (AccountState | null)[] | null;
  replacementBlockhash: { blockhash: string; lastValidBlockHeight: number } | null;
}

/** Result of {@link TransactionProcessor.simulate}. */
export type SimulateResult =
  | { ok: true; value: SimulationValue }
  | { ok: false; reason: 'malformed'; message: string }
  | { ok: false; reason: 'signature' };

/** Dependencies of a {@link TransactionProcessor}. */
export interface TransactionProcessorDeps {
  svm: SvmRuntime;
  clock: BlockClock;
  ledger: Ledger;
  /** Called after a transaction landed (to notify subscribers). */
  onLanded?: (landed: LandedTransaction) => void;
}

function refused(err: RpcTransactionError, extra: Partial<ExecutionReport> = {}): SendFailure {
  return {
    ok: false,
    reason: 'rejected',
    report: {
      err,
      logs: [],
      innerInstructions: [],
      unitsConsumed: 0n,
      returnData: null,
      fee: null,
      ...extra,
    },
  };
}

/**
 * Runs transactions like a validator's RPC + leader would: decode, verify signatures,
 * refuse duplicates and expired blockhashes, preflight-simulate unless skipped, execute,
 * and record whatever lands — including transactions that fail during execution, which
 * land with `meta.err` and a charged fee.
 */
export class TransactionProcessor {
  constructor(private readonly deps: TransactionProcessorDeps) {}

  /** Submits wire bytes. */
  send(bytes: Uint8Array, options: SendOptions): SendResult {
    const decoded = decodeTransaction(bytes);
    if (!decoded.ok) return { ok: false, reason: 'malformed', message: decoded.reason };
    const { tx } = decoded;
    if (!verifySignatures(tx)) return { ok: false, reason: 'signature' };
    const signature = tx.signatures[0] ?? '';
    const existing = this.deps.ledger.get(signature);
    if (existing) {
      // A real node silently drops a re-broadcast when preflight is skipped.
      return options.skipPreflight
        ? { ok: true, signature, landed: existing }
        : refused('AlreadyProcessed');
    }
    if (!this.deps.clock.isBlockhashValid(tx.recentBlockhash)) return refused('BlockhashNotFound');
    const keys = resolveAccountKeys(tx, this.deps.svm);
    if (!keys.ok) return refused(keys.err);
    if (!options.skipPreflight) {
      const simulation = this.deps.svm.simulate(bytes);
      if (simulation.err !== null) return { ok: false, reason: 'rejected', report: simulation };
    }
    return this.execute(tx, signature, keys.keys.all, keys.keys.loaded);
  }

  /** Simulates wire bytes against the current state. */
  simulate(bytes: Uint8Array, options: SimulateOptions): SimulateResult {
    const decoded = decodeTransaction(bytes);
    if (!decoded.ok) return { ok: false, reason: 'malformed', message: decoded.reason };
    const { tx } = decoded;
    if (options.sigVerify && !verifySignatures(tx)) return { ok: false, reason: 'signature' };
    const { clock, svm } = this.deps;
    const replacementBlockhash = options.replaceRecentBlockhash
      ? {
          blockhash: clock.tip.blockhash,
          lastValidBlockHeight: clock.tip.blockHeight + clock.lifetime,
        }
      : null;
    const current = (): (AccountState | null)[] | null =>
      options.accountAddresses?.map((a) => svm.getAccount(a)) ?? null;
    const empty: ExecutionReport = {
      err: null,
      logs: [],
      innerInstructions: [],
      unitsConsumed: 0n,
      returnData: null,
      fee: null,
    };
    if (!replacementBlockhash && !clock.isBlockhashValid(tx.recentBlockhash)) {
      return {
        ok: true,
        value: { ...empty, err: 'BlockhashNotFound', accounts: null, replacementBlockhash },
      };
    }
    const keys = resolveAccountKeys(tx, svm);
    if (!keys.ok) {
      return { ok: true, value: { ...empty, err: keys.err, accounts: null, replacementBlockhash } };
    }
    const { postAccounts, ...simulation } = svm.simulate(bytes);
    const after = new Map(postAccounts.map((a) => [a.address, a]));
    const accounts =
      simulation.err === null
        ? (options.accountAddresses?.map((a) => after.get(a) ?? svm.getAccount(a)) ?? null)
        : current();
    return { ok: true, value: { ...simulation, accounts, replacementBlockhash } };
  }

  private execute(
    tx: DecodedTransaction,
    signature: string,
    accountKeys: string[],
    loadedAddresses: { writable: string[]; readonly: string[] },
  ): SendResult {
    const { svm, clock, ledger } = this.deps;
    const read = (key: string): AccountState | null => svm.getAccount(key);
    const preBalances = accountKeys.map((k) => svm.lamportsOf(k));
    const preTokenBalances = collectTokenBalances(accountKeys, read);
    const report = svm.execute(tx.bytes);
    const postBalances = accountKeys.map((k) => svm.lamportsOf(k));
    const feePayerPaid = (preBalances[0] ?? 0n) - (postBalances[0] ?? 0n);
    if (report.err !== null && feePayerPaid <= 0n) {
      // Failed before execution (e.g. fee payer cannot pay): a leader would drop it.
      return { ok: false, reason: 'rejected', report };
    }
    const fee = report.err !== null ? feePayerPaid : (report.fee ?? feeForMessage(tx.message));
    const block = clock.tip;
    const landed: LandedTransaction = {
      signature,
      tx,
      accountKeys,
      slot: block.slot,
      blockTime: block.blockTime,
      meta: {
        err: report.err,
        fee,
        preBalances,
        postBalances,
        preTokenBalances,
        postTokenBalances: collectTokenBalances(accountKeys, read),
        logMessages: report.logs,
        innerInstructions: report.innerInstructions,
        loadedAddresses,
        computeUnitsConsumed: report.unitsConsumed,
        returnData: report.returnData,
      },
    };
    ledger.add(landed);
    this.deps.onLanded?.(landed);
    return { ok: true, signature, landed };
  }
}
