import { Keypair } from '@solana/web3.js';
import { ed25519PublicKey } from '@solpay/solana';

/**
 * The gas keypair from its 64-byte secret key (`GAS_KEYPAIR`). The check web3.js makes (the
 * second half is the public key of the first) is made natively instead: web3.js's own builds
 * its curve tables, a large part of a cold start, also in functions that never sign.
 */
export function gasKeypair(secretKey: Uint8Array): Keypair {
  if (!ed25519PublicKey(secretKey.subarray(0, 32)).equals(secretKey.subarray(32, 64))) {
    throw new Error('provided secretKey is invalid');
  }
  return Keypair.fromSecretKey(secretKey, { skipValidation: true });
}
