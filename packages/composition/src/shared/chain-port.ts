import { Keypair, PublicKey } from '@solana/web3.js';
import type { ChainPort } from '@solpay/domain';
import { readConfig } from '@solpay/lambda';
import { createWeb3Chain } from '@solpay/adapters';
import { ed25519PublicKey } from './ed25519-public-key';
import { processSingleton } from './process-singleton';
import { solanaConnection } from './solana-connection';

/**
 * The gas keypair from its 64-byte secret key. The check web3.js makes (the second half is the
 * first half's public key) is made natively instead: web3.js's own would build its curve tables
 * at every cold start, also in routes that never sign.
 */
function gasKeypair(secretKey: Uint8Array): Keypair {
  if (!ed25519PublicKey(secretKey.subarray(0, 32)).equals(secretKey.subarray(32, 64))) {
    throw new Error('provided secretKey is invalid');
  }
  return Keypair.fromSecretKey(secretKey, { skipValidation: true });
}

/** The process's {@link ChainPort}: transactions built and signed with the gas and guard keys. */
export const chainPort = /* @__PURE__ */ processSingleton((): ChainPort => {
  const { solana } = readConfig(['solana']);
  return createWeb3Chain({
    connection: solanaConnection(),
    gas: gasKeypair(solana.gasKeypair),
    previousGasPubkeys: solana.previousGasPubkeys.map((key) => new PublicKey(key)),
    singleUseSecret: solana.singleUseSecret,
    commitment: solana.commitment,
  });
});
