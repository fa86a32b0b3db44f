import { encodeBase58 } from '@solpay/domain';
import { readConfig } from '@solpay/lambda';
import { ed25519PublicKey } from '@solpay/solana';

/**
 * The gas wallet's address, derived from the seed half of `GAS_KEYPAIR` with node:crypto, so
 * the routes that only need the address do not load web3.js.
 */
export function gasWalletAddress(): string {
  const seed = readConfig(['solana']).solana.gasKeypair.subarray(0, 32);
  return encodeBase58(ed25519PublicKey(seed));
}
