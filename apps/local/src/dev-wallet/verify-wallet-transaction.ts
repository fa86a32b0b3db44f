import { createPublicKey, verify } from 'node:crypto';
import { PublicKey, VersionedTransaction } from '@solana/web3.js';

/** Largest serialized transaction Solana accepts (packet data size). */
const MAX_TRANSACTION_BYTES = 1232;

/** Result of {@link verifyWalletTransaction}. */
export type VerifyWalletTransactionResult =
  { ok: true; transaction: VersionedTransaction } | { ok: false; message: string };

function isMissing(signature: Uint8Array | undefined): boolean {
  return !signature || signature.every((byte) => byte === 0);
}

function ed25519Verify(publicKey: PublicKey, message: Uint8Array, signature: Uint8Array): boolean {
  const key = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey.toBytes()).toString('base64url') },
    format: 'jwk',
  });
  return verify(null, message, key, signature);
}

/**
 * Checks a transaction the way a careful wallet does before signing a Solana Pay transaction
 * request (spec B.2): a legacy transaction of at most 1232 bytes, with a recent blockhash, that
 * expects a signature from `signer`, where every OTHER required signature is already present
 * and valid, and `signer`'s is the only one missing.
 */
export function verifyWalletTransaction(
  bytes: Uint8Array,
  signer: PublicKey,
): VerifyWalletTransactionResult {
  if (bytes.length === 0 || bytes.length > MAX_TRANSACTION_BYTES) {
    return { ok: false, message: `A transaction is 1 to ${MAX_TRANSACTION_BYTES} bytes` };
  }
  let transaction: VersionedTransaction;
  try {
    transaction = VersionedTransaction.deserialize(bytes);
  } catch {
    return { ok: false, message: 'Not a serialized Solana transaction' };
  }
  if (transaction.version !== 'legacy') {
    return { ok: false, message: 'Only legacy transactions are supported' };
  }
  const { message } = transaction;
  if (!message.recentBlockhash) return { ok: false, message: 'The transaction has no blockhash' };
  const required = message.header.numRequiredSignatures;
  const signers = message.staticAccountKeys.slice(0, required);
  const index = signers.findIndex((key) => key.equals(signer));
  if (index < 0) {
    return { ok: false, message: `The transaction does not ask ${signer.toBase58()} to sign` };
  }
  if (!isMissing(transaction.signatures[index])) {
    return { ok: false, message: 'The transaction is already signed by this wallet' };
  }
  const messageBytes = message.serialize();
  for (const [i, key] of signers.entries()) {
    if (i === index) continue;
    const signature = transaction.signatures[i];
    if (!signature || isMissing(signature)) {
      return { ok: false, message: `Signature of ${key.toBase58()} is missing: refusing to sign` };
    }
    if (!ed25519Verify(key, messageBytes, signature)) {
      return { ok: false, message: `Signature of ${key.toBase58()} is invalid` };
    }
  }
  return { ok: true, transaction };
}
