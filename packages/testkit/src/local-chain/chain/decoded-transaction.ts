import { createPublicKey, verify } from 'node:crypto';
import { VersionedTransaction, type VersionedMessage } from '@solana/web3.js';
import { encodeBase58 } from './base58';

/** A wire transaction decoded once, with the parts the chain needs. */
export interface DecodedTransaction {
  /** The full wire bytes. */
  bytes: Uint8Array;
  version: 'legacy' | 0;
  message: VersionedMessage;
  messageBytes: Uint8Array;
  /** Base58 signatures, in signer order; the first is the transaction id. */
  signatures: string[];
  signatureBytes: Uint8Array[];
  /** Base58 static account keys, in message order. */
  staticAccountKeys: string[];
  recentBlockhash: string;
}

/** Result of {@link decodeTransaction}. */
export type DecodeResult = { ok: true; tx: DecodedTransaction } | { ok: false; reason: string };

/** Decodes legacy or v0 wire bytes; fails if the bytes are not a sane transaction. */
export function decodeTransaction(bytes: Uint8Array): DecodeResult {
  let versioned: VersionedTransaction;
  try {
    versioned = VersionedTransaction.deserialize(bytes);
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  const { message } = versioned;
  if (message.version !== 'legacy' && message.version !== 0) {
    return { ok: false, reason: `unsupported transaction version ${String(message.version)}` };
  }
  const required = message.header.numRequiredSignatures;
  if (required === 0 || versioned.signatures.length !== required) {
    return { ok: false, reason: 'signature count does not match the message header' };
  }
  const staticAccountKeys = message.staticAccountKeys.map((k) => k.toBase58());
  if (staticAccountKeys.length < required) {
    return { ok: false, reason: 'fewer account keys than required signatures' };
  }
  return {
    ok: true,
    tx: {
      bytes,
      version: message.version,
      message,
      messageBytes: message.serialize(),
      signatures: versioned.signatures.map((s) => encodeBase58(s)),
      signatureBytes: versioned.signatures,
      staticAccountKeys,
      recentBlockhash: message.recentBlockhash,
    },
  };
}

const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Verifies every signature of `tx` against its signer keys (Ed25519). */
export function verifySignatures(tx: DecodedTransaction): boolean {
  return tx.signatureBytes.every((signature, i) => {
    const signer = tx.message.staticAccountKeys[i];
    if (!signer) return false;
    const key = createPublicKey({
      key: Buffer.concat([ED25519_SPKI_PREFIX, signer.toBuffer()]),
      format: 'der',
      type: 'spki',
    });
    return verify(null, tx.messageBytes, key, signature);
  });
}
