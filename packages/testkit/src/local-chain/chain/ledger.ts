import type { DecodedTransaction } from './decoded-transaction';
import type { RpcInnerInstructions } from './svm-runtime';
import type { TokenBalance } from './token-balances';
import type { RpcTransactionError } from './transaction-error';

/** Execution metadata of a landed transaction (RPC `meta`, with bigint lamports). */
export interface LandedMeta {
  err: RpcTransactionError | null;
  fee: bigint;
  preBalances: bigint[];
  postBalances: bigint[];
  preTokenBalances: TokenBalance[];
  postTokenBalances: TokenBalance[];
  logMessages: string[];
  innerInstructions: RpcInnerInstructions[];
  loadedAddresses: { writable: string[]; readonly: string[] };
  computeUnitsConsumed: bigint;
  returnData: { programId: string; data: Uint8Array } | null;
}

/** A transaction that landed (successfully or with `meta.err`) in a block. */
export interface LandedTransaction {
  signature: string;
  tx: DecodedTransaction;
  /** Static keys followed by loaded writable and loaded read-only keys. */
  accountKeys: string[];
  slot: number;
  blockTime: number;
  meta: LandedMeta;
}

/** In-memory transaction history: by signature, and by every account key it touched. */
export class Ledger {
  private readonly bySignature = new Map<string, LandedTransaction>();
  private readonly byAddress = new Map<string, LandedTransaction[]>();

  /** Records a landed transaction. */
  add(landed: LandedTransaction): void {
    this.bySignature.set(landed.signature, landed);
    for (const key of new Set(landed.accountKeys)) {
      const list = this.byAddress.get(key) ?? [];
      list.push(landed);
      this.byAddress.set(key, list);
    }
  }

  /** Number of landed transactions. */
  get size(): number {
    return this.bySignature.size;
  }

  /** The landed transaction with this signature, if any. */
  get(signature: string): LandedTransaction | undefined {
    return this.bySignature.get(signature);
  }

  /** Every landed transaction, oldest first. */
  all(): LandedTransaction[] {
    return [...this.bySignature.values()];
  }

  /** Every address some landed transaction referenced. */
  addresses(): string[] {
    return [...this.byAddress.keys()];
  }

  /** Transactions that reference `address`, oldest first. */
  forAddress(address: string): readonly LandedTransaction[] {
    return this.byAddress.get(address) ?? [];
  }
}
