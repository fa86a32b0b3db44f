import { PublicKey, SystemProgram, TransactionInstruction } from '@solana/web3.js';

/** Inputs of {@link createGuardInstruction}. */
export interface CreateGuardInstructionInput {
  /** The gas wallet: funds the rent and signs. */
  gas: PublicKey;
  /** The guard address: must sign too (`createAccount` requires the new account's signature). */
  guard: PublicKey;
  /** Rent-exempt minimum for 0 bytes, read with `getMinimumBalanceForRentExemption(0)`. */
  rentLamports: number;
}

/**
 * The single-use instruction: `SystemProgram.createAccount(gas → guard, rent(0), space 0,
 * owner System)`. It succeeds once; on an address holding any lamports it fails with
 * `Custom(0)` (`AccountAlreadyInUse`), failing the whole transaction.
 */
export function createGuardInstruction({
  gas,
  guard,
  rentLamports,
}: CreateGuardInstructionInput): TransactionInstruction {
  return SystemProgram.createAccount({
    fromPubkey: gas,
    newAccountPubkey: guard,
    lamports: rentLamports,
    space: 0,
    programId: SystemProgram.programId,
  });
}
