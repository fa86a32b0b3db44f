import { PublicKey } from '@solana/web3.js';
import type { ChainPort } from '@solpay/domain';
import { readConfig } from '@solpay/lambda';
import { createWeb3Chain } from '@solpay/adapters';
import { gasKeypair } from './gas-keypair';
import { processSingleton } from './process-singleton';
import { solanaConnection } from './solana-connection';

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
