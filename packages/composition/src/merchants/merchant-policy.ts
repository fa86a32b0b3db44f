import {
  DEFAULT_MERCHANT_TTLS,
  type MerchantPolicy,
  FORBIDDEN_PAYOUT_WALLETS,
} from '@solpay/domain';
import { gasWalletAddress } from '../shared/gas-wallet-address';
import { settlementTokens } from '../shared/settlement-tokens';

/** Lifetimes, settlement tokens, and the addresses never accepted as payout wallets. */
export function merchantPolicy(): MerchantPolicy {
  const tokens = settlementTokens();
  return {
    ...DEFAULT_MERCHANT_TTLS,
    tokens,
    forbiddenPayoutWallets: [
      ...FORBIDDEN_PAYOUT_WALLETS,
      ...tokens.map((token) => token.mint),
      gasWalletAddress(),
    ],
  };
}
