import { createPrivateKey, createPublicKey } from 'node:crypto';
import { encodeBase58 } from '@solpay/domain';
import { readConfig } from '@solpay/lambda';

/** PKCS#8 DER header of an Ed25519 private key; the 32-byte seed follows it. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** Length of the SPKI DER header before the 32-byte Ed25519 public key. */
const ED25519_SPKI_PREFIX_LENGTH = 12;

/**
 * The gas wallet's address, derived from the seed half of `GAS_KEYPAIR` with node:crypto, so
 * the routes that only need the address do not load web3.js.
 */
export function gasWalletAddress(): string {
  const seed = readConfig(['solana']).solana.gasKeypair.subarray(0, 32);
  const privateKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return encodeBase58(spki.subarray(ED25519_SPKI_PREFIX_LENGTH));
}
