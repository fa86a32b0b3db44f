import { settlementTokensFor, type SettlementToken } from '@solpay/domain';
import { readConfig } from '@solpay/lambda';

/** The settlement tokens of this deployment's cluster (mints, decimals): built in one place. */
export function settlementTokens(): readonly SettlementToken[] {
  const { solana } = readConfig(['solana']);
  return settlementTokensFor(solana.cluster, solana.mintOverrides);
}
