import type { StaticSiteOptions } from '../static/start-static-site';
import type { DevWallet } from './create-dev-wallet';

/**
 * The `startStaticSite` options that mount `wallet` (its endpoints and its page script);
 * nothing when there is no wallet (e.g. `SOLANA_RPC_URL` points at a real cluster).
 */
export function devWalletSiteOptions(
  wallet: DevWallet | undefined,
): Pick<StaticSiteOptions, 'handlers' | 'headHtml'> {
  return wallet ? { handlers: [wallet.handle], headHtml: wallet.headHtml } : {};
}
