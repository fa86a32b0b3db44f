import { PublicKey } from '@solana/web3.js';
import type { ChainPort } from '@solpay/domain';
import { readConfig } from '@solpay/lambda';
import { createWeb3Chain } from '@solpay/adapters';
import { chainReads } from './chain-reads';
import { gasKeypair } from './gas-keypair';
import { processSingleton } from './process-singleton';
import { solanaConnection } from './solana-connection';

/**
 * The process's web3.js chain: transactions built and signed with the gas and guard keys.
 * Built on demand by `chainPort`.
 */
export const web3ChainPort = /* @__PURE__ */ processSingleton((): ChainPort => {
  const { solana } = readConfig(['solana']);
  return createWeb3Chain({
    connection: solanaConnection(),
    reads: chainReads(),
    gas: gasKeypair(solana.gasKeypair),
    previousGasPubkeys: solana.previousGasPubkeys.map((key) => new PublicKey(key)),
    singleUseSecret: solana.singleUseSecret,
    commitment: solana.commitment,
  });
});
