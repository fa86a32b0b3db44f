import {
  createAssociatedTokenAccountIdempotentInstruction,
  createTransferCheckedInstruction,
  getAssociatedTokenAddressSync,
  TOKEN_PROGRAM_ID,
} from '@solana/spl-token';
import {
  type BlockhashWithExpiryBlockHeight,
  type Connection,
  type Keypair,
  PACKET_DATA_SIZE,
  type PublicKey,
  Transaction,
  TransactionInstruction,
} from '@solana/web3.js';
import { encodeBase58 } from '@solpay/domain';
import { createGuardInstruction } from '../guard/create-guard-instruction';
import { memoProgramId } from './memo-program-id';
import { partialSignNatively } from './partial-sign-natively';

/** Inputs of {@link buildTransferTransaction}. */
export interface BuildTransferTransactionInput {
  /** Reads the blockhash (unless given) and the rent-exempt minimum. */
  connection: Connection;
  /** Our gas wallet: fee payer (first signature) and rent funder. */
  gas: Keypair;
  /** The record's single-use guard (see `deriveGuardKeypair`). */
  guard: Keypair;
  /** The wallet that pays (the transaction request's `account`): signs last, in the wallet. */
  payer: PublicKey;
  /** The wallet that receives (merchant payout wallet, or the buyer for a refund); never an ATA. */
  recipientOwner: PublicKey;
  /** The token mint. */
  mint: PublicKey;
  /** Program owning the mint: SPL Token (default) or Token-2022. Drives ATAs and the transfer. */
  tokenProgram?: PublicKey;
  /** The mint's decimals (6 for USDC). */
  decimals: number;
  /** Exact amount in base units. */
  amount: bigint;
  /** The record's reference key, appended read-only to the transfer so it can be found. */
  reference: PublicKey;
  /** Optional public memo (SPL Memo, second to last). */
  memo?: string;
  /** A recent blockhash (a cached one is fine); fetched at `confirmed` when absent. */
  blockhash?: BlockhashWithExpiryBlockHeight;
  /** Rent-exempt minimum for 0 bytes, if cached; read from the RPC when absent. */
  rentLamports?: number;
  /** Add `createAssociatedTokenAccountIdempotent` (paid by gas) for the recipient's ATA. */
  createRecipientAta: boolean;
}

/** A built, partially signed (gas + guard) transaction, ready to hand to the wallet. */
export interface BuiltTransferTransaction {
  /** The transaction, signed by gas and guard; the payer's signature is still missing. */
  transaction: Transaction;
  /** The wire form, base64 — the `transaction` field of the POST answer. */
  base64: string;
  /** The fee payer's signature in base58: the transaction id once it lands. */
  signature: string;
  /** After this block height the transaction can never land. */
  lastValidBlockHeight: number;
}

/**
 * Builds the legacy transaction served by a Solana Pay transaction request (DESIGN §3.1, specs E.4):
 * fee payer = gas; instructions = guard `createAccount`, optional recipient-ATA
 * `createIdempotent`, optional Memo (second to last), and last `TransferChecked(payerAta → recipientAta,
 * amount, decimals)` with `reference` appended as a read-only non-signer key. The transaction
 * is serialized and deserialized before it is signed by gas and guard (`partialSignNatively`) so that the key order the
 * wallet sees is the one we signed. Used for payments (payer = buyer, recipient = merchant) and
 * refunds (payer = merchant, recipient = buyer's paying wallet).
 *
 * @throws {RangeError} when the amount is not positive or the transaction exceeds 1232 bytes.
 */
export async function buildTransferTransaction({
  connection,
  gas,
  guard,
  payer,
  recipientOwner,
  mint,
  tokenProgram = TOKEN_PROGRAM_ID,
  decimals,
  amount,
  reference,
  memo,
  blockhash,
  rentLamports,
  createRecipientAta,
}: BuildTransferTransactionInput): Promise<BuiltTransferTransaction> {
  if (amount <= 0n) throw new RangeError('The transfer amount must be positive');
  const [recent, rent] = await Promise.all([
    blockhash ?? connection.getLatestBlockhash('confirmed'),
    rentLamports ?? connection.getMinimumBalanceForRentExemption(0),
  ]);

  const payerAta = getAssociatedTokenAddressSync(mint, payer, true, tokenProgram);
  const recipientAta = getAssociatedTokenAddressSync(mint, recipientOwner, true, tokenProgram);

  const draft = new Transaction({
    feePayer: gas.publicKey,
    blockhash: recent.blockhash,
    lastValidBlockHeight: recent.lastValidBlockHeight,
  });
  draft.add(
    createGuardInstruction({ gas: gas.publicKey, guard: guard.publicKey, rentLamports: rent }),
  );
  if (createRecipientAta) {
    draft.add(
      createAssociatedTokenAccountIdempotentInstruction(
        gas.publicKey,
        recipientAta,
        recipientOwner,
        mint,
        tokenProgram,
      ),
    );
  }
  if (memo !== undefined) {
    draft.add(
      new TransactionInstruction({
        programId: memoProgramId(),
        keys: [],
        data: Buffer.from(memo, 'utf8'),
      }),
    );
  }
  const transfer = createTransferCheckedInstruction(
    payerAta,
    mint,
    recipientAta,
    payer,
    amount,
    decimals,
    [],
    tokenProgram,
  );
  transfer.keys.push({ pubkey: reference, isSigner: false, isWritable: false });
  draft.add(transfer);

  const unsigned = serialize(draft);
  // Signing the deserialized copy pins the account order the wallet will see.
  const transaction = Transaction.from(unsigned);
  transaction.lastValidBlockHeight = recent.lastValidBlockHeight;
  partialSignNatively(transaction, gas, guard);
  const wire = serialize(transaction);

  const feePayerSignature = transaction.signature;
  if (!feePayerSignature) throw new Error('The gas signature is missing after signing');
  return {
    transaction,
    base64: wire.toString('base64'),
    signature: encodeBase58(feePayerSignature),
    lastValidBlockHeight: recent.lastValidBlockHeight,
  };
}

function serialize(transaction: Transaction): Buffer {
  let wire: Buffer;
  try {
    wire = transaction.serialize({ requireAllSignatures: false, verifySignatures: false });
  } catch (error) {
    throw new RangeError(`The transaction cannot be serialized: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (wire.length > PACKET_DATA_SIZE) {
    throw new RangeError(
      `The transaction is ${wire.length} bytes; at most ${PACKET_DATA_SIZE} fit`,
    );
  }
  return wire;
}
