import { createPrivateKey, createPublicKey } from 'node:crypto';

/** PKCS#8 DER header of an Ed25519 private key; the 32-byte seed follows it. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** Length of the SPKI DER header before the 32-byte Ed25519 public key. */
const ED25519_SPKI_PREFIX_LENGTH = 12;

/**
 * The Ed25519 public key of a 32-byte seed (the first half of a Solana secret key), derived
 * with node:crypto: native code, where web3.js's pure-JS derivation spends tens of
 * milliseconds of a cold start building its curve tables.
 */
export function ed25519PublicKey(seed: Uint8Array): Buffer {
  const privateKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return spki.subarray(ED25519_SPKI_PREFIX_LENGTH);
}
