import {
  type BlockhashWithExpiryBlockHeight,
  type Keypair,
  SystemProgram,
  Transaction,
} from '@solana/web3.js';
import { encodeBase58 } from '@solpay/domain';
import { partialSignNatively } from '../transfer/partial-sign-natively';

/** Inputs of {@link buildSweepTransaction}. */
export interface BuildSweepTransactionInput {
  /** Our gas wallet: fee payer and receiver of the swept lamports. */
  gas: Keypair;
  /** The guard whose lamports go back to gas. */
  guard: Keypair;
  /** The guard's whole balance. */
  lamports: bigint;
  /** A recent blockhash. */
  blockhash: BlockhashWithExpiryBlockHeight;
}

/** A fully signed sweep transaction. */
export interface BuiltSweepTransaction {
  /** Signed by gas (fee payer) and guard. */
  transaction: Transaction;
  /** The transaction id (base58). */
  signature: string;
  /** After this block height the transaction can never land. */
  lastValidBlockHeight: number;
}

/**
 * Builds the transaction that moves all of a guard's lamports back to the gas wallet (gas pays
 * the fee, the guard signs the transfer). Only send it when `canSweep` says so.
 */
export function buildSweepTransaction({
  gas,
  guard,
  lamports,
  blockhash,
}: BuildSweepTransactionInput): BuiltSweepTransaction {
  const transaction = new Transaction({
    feePayer: gas.publicKey,
    blockhash: blockhash.blockhash,
    lastValidBlockHeight: blockhash.lastValidBlockHeight,
  }).add(
    SystemProgram.transfer({ fromPubkey: guard.publicKey, toPubkey: gas.publicKey, lamports }),
  );
  // Every signer the fresh transaction asks for: the same as `transaction.sign(gas, guard)`.
  partialSignNatively(transaction, gas, guard);
  return {
    transaction,
    signature: encodeBase58(transaction.signature ?? new Uint8Array()),
    lastValidBlockHeight: blockhash.lastValidBlockHeight,
  };
}
