import { PublicKey } from '@solana/web3.js';
import { readConfig } from '@solpay/lambda';
import { createWeb3Chain, type ChainTransactions } from '@solpay/adapters';
import { gasKeypair } from './gas-keypair';
import { processSingleton } from './process-singleton';
import { solanaConnection } from './solana-connection';

/**
 * The process's web3.js chain: transactions built, signed and validated with the gas and guard
 * keys.
 * Built on demand by `chainPort`.
 */
export const web3ChainPort = /* @__PURE__ */ processSingleton((): ChainTransactions => {
  const { solana } = readConfig(['solana']);
  return createWeb3Chain({
    connection: solanaConnection(),
    gas: gasKeypair(solana.gasKeypair),
    previousGasPubkeys: solana.previousGasPubkeys.map((key) => new PublicKey(key)),
    singleUseSecret: solana.singleUseSecret,
    commitment: solana.commitment,
  });
});
