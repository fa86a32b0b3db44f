import type { WalletScreeningPort } from '@solpay/domain';
import { readConfig } from '@solpay/lambda';
import { createWalletScreening } from '@solpay/adapters';
import { processSingleton } from './process-singleton';

/** The process's wallet screening (TRM or the deny list), delayed under the production profile. */
export const walletScreening = /* @__PURE__ */ processSingleton((): WalletScreeningPort => {
  const { screening, localProfile } = readConfig(['screening', 'localProfile']);
  const inner = createWalletScreening(screening);
  // The local stack's production profile: a screening API answers in ~100 ms, not at once.
  const delayMs = localProfile.latency.screeningMs;
  if (delayMs === 0) return inner;
  return {
    screen: async (wallet) => {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return inner.screen(wallet);
    },
  };
});
