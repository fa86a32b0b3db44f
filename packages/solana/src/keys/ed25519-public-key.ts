import { createPublicKey } from 'node:crypto';
import { ed25519PrivateKey } from './ed25519-private-key';

/** Length of the SPKI DER header before the 32-byte Ed25519 public key. */
const ED25519_SPKI_PREFIX_LENGTH = 12;

/**
 * The Ed25519 public key of a 32-byte seed (the first half of a Solana secret key), derived
 * with node:crypto: native code, where web3.js's pure-JS derivation spends tens of
 * milliseconds of a cold start building its curve tables.
 */
export function ed25519PublicKey(seed: Uint8Array): Buffer {
  const spki = createPublicKey(ed25519PrivateKey(seed)).export({ format: 'der', type: 'spki' });
  return spki.subarray(ED25519_SPKI_PREFIX_LENGTH);
}
