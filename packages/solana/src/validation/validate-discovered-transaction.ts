import type { ValidationFailureReason } from '@solpay/domain';
import { getAssociatedTokenAddressSync, TOKEN_PROGRAM_ID } from '@solana/spl-token';
import { type Connection, type Finality, type PublicKey, SystemProgram } from '@solana/web3.js';

/** What a discovered transaction must do to pay (or refund) one record. */
export interface TransferExpectation {
  /** Our gas keys: the current one and every previous one still in use for old records. */
  gasPubkeys: readonly PublicKey[];
  /** The record's guard (the generation the transaction was served with). */
  guard: PublicKey;
  /** The expected mint (the record's settlement token). */
  mint: PublicKey;
  /** The program owning the mint (SPL Token or Token-2022); default SPL Token. */
  tokenProgram?: PublicKey;
  /** The expected decimals (6). */
  decimals: number;
  /** The exact amount in base units. */
  amount: bigint;
  /** The receiving wallet; the destination must be its ATA for `mint`. */
  recipientOwner: PublicKey;
  /** The record's reference key. */
  reference: PublicKey;
}

/** Why a transaction does not pay the record (the domain's list of reasons). */
export type DiscoveredTransactionRejection = ValidationFailureReason;

/** Outcome of {@link validateDiscoveredTransaction}. */
export type DiscoveredTransactionValidation =
  | { ok: true; payer: string; slot: number; blockTime: number | null }
  | { ok: false; reason: DiscoveredTransactionRejection; detail: string };

const CREATE_ACCOUNT = 0;
const TRANSFER_CHECKED = 12;

/**
 * Decides from chain data alone (never a webhook body) whether the transaction `signature` pays
 * the record described by `expectation` (DESIGN §3.4, specs E.5). Requires: found at
 * `commitment`; `meta.err === null`; a System `createAccount` creating exactly the record's guard
 * (proof that we built and signed it for this record); fee payer (account key 0) among our gas
 * keys; the last instruction a `TransferChecked`
 * of the mint's token program (SPL Token or Token-2022) with the expected mint, decimals, exact amount, destination = ATA of
 * `recipientOwner`, and the reference among its extra keys; and the destination's token balance
 * delta equal to the amount. On success `payer` is the transfer authority (the wallet that paid).
 *
 * Not checked here: that the signature is not already credited to another record — the caller
 * enforces that with the unique `signature` column when it stores the result.
 */
export async function validateDiscoveredTransaction(
  connection: Connection,
  signature: string,
  expectation: TransferExpectation,
  { commitment }: { commitment: Finality },
): Promise<DiscoveredTransactionValidation> {
  const response = await connection.getTransaction(signature, {
    commitment,
    maxSupportedTransactionVersion: 0,
  });
  if (!response) {
    const { value } = await connection.getSignatureStatuses([signature], {
      searchTransactionHistory: true,
    });
    const status = value[0];
    return status
      ? {
          ok: false,
          reason: 'not-yet-committed',
          detail: `Seen at ${status.confirmationStatus ?? 'unknown'}, not ${commitment}`,
        }
      : { ok: false, reason: 'not-found', detail: 'No such transaction' };
  }
  const { meta, transaction, slot, blockTime } = response;
  if (!meta)
    return { ok: false, reason: 'not-found', detail: 'The RPC returned no transaction meta' };
  if (meta.err !== null)
    return { ok: false, reason: 'failed-on-chain', detail: JSON.stringify(meta.err) };

  const message = transaction.message;
  const keys = message.getAccountKeys({ accountKeysFromLookups: meta.loadedAddresses ?? null });
  const key = (index: number | undefined): PublicKey | undefined =>
    index === undefined ? undefined : keys.get(index);

  const instructions = message.compiledInstructions;
  const createsGuard = instructions.some((instruction) => {
    const data = Buffer.from(instruction.data);
    return (
      key(instruction.programIdIndex)?.equals(SystemProgram.programId) === true &&
      data.length >= 4 &&
      data.readUInt32LE(0) === CREATE_ACCOUNT &&
      key(instruction.accountKeyIndexes[1])?.equals(expectation.guard) === true
    );
  });
  if (!createsGuard)
    return { ok: false, reason: 'missing-guard', detail: 'No createAccount of the record guard' };

  const feePayer = key(0);
  if (!feePayer || !expectation.gasPubkeys.some((gas) => gas.equals(feePayer))) {
    return {
      ok: false,
      reason: 'foreign-fee-payer',
      detail: `Fee payer ${feePayer?.toBase58() ?? 'none'}`,
    };
  }

  const last = instructions.at(-1);
  const program = key(last?.programIdIndex);
  const tokenProgram = expectation.tokenProgram ?? TOKEN_PROGRAM_ID;
  if (!last || !program?.equals(tokenProgram)) {
    return {
      ok: false,
      reason: 'wrong-program',
      detail: `Last instruction program ${program?.toBase58() ?? 'none'}`,
    };
  }
  const data = Buffer.from(last.data);
  if (data.length !== 10 || data[0] !== TRANSFER_CHECKED || last.accountKeyIndexes.length < 4) {
    return {
      ok: false,
      reason: 'not-transfer-checked',
      detail: `Token instruction tag ${data[0] ?? 'none'}`,
    };
  }
  const [, mintIndex, destinationIndex, ownerIndex, ...extraIndexes] = last.accountKeyIndexes;
  const mint = key(mintIndex);
  if (!mint?.equals(expectation.mint)) {
    return { ok: false, reason: 'wrong-mint', detail: `Mint ${mint?.toBase58() ?? 'none'}` };
  }
  const decimals = data.readUInt8(9);
  if (decimals !== expectation.decimals) {
    return { ok: false, reason: 'wrong-decimals', detail: `Decimals ${decimals}` };
  }
  const amount = data.readBigUInt64LE(1);
  if (amount !== expectation.amount) {
    return {
      ok: false,
      reason: 'wrong-amount',
      detail: `Amount ${amount}, expected ${expectation.amount}`,
    };
  }
  const expectedDestination = getAssociatedTokenAddressSync(
    expectation.mint,
    expectation.recipientOwner,
    true,
    tokenProgram,
  );
  const destination = key(destinationIndex);
  if (!destination?.equals(expectedDestination)) {
    return {
      ok: false,
      reason: 'wrong-destination',
      detail: `Destination ${destination?.toBase58() ?? 'none'}`,
    };
  }
  if (!extraIndexes.some((index) => key(index)?.equals(expectation.reference))) {
    return {
      ok: false,
      reason: 'missing-reference',
      detail: 'The transfer does not carry the reference key',
    };
  }

  const balanceOf = (balances: typeof meta.preTokenBalances): bigint => {
    const entry = balances?.find((balance) => balance.accountIndex === destinationIndex);
    return entry ? BigInt(entry.uiTokenAmount.amount) : 0n;
  };
  const delta = balanceOf(meta.postTokenBalances) - balanceOf(meta.preTokenBalances);
  if (delta !== expectation.amount) {
    return {
      ok: false,
      reason: 'balance-mismatch',
      detail: `Destination balance moved by ${delta}`,
    };
  }

  const owner = key(ownerIndex);
  if (!owner)
    return { ok: false, reason: 'not-transfer-checked', detail: 'The transfer has no authority' };
  return { ok: true, payer: owner.toBase58(), slot, blockTime: blockTime ?? null };
}
