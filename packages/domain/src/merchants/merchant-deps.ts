import type { SettlementToken } from '../money/settlement-tokens';
import type { Clock } from '../ports/clock';
import type { DomainLogger } from '../ports/domain-logger';
import type { MutationDispatchPort } from '../ports/mutation-dispatch-port';
import type { RandomSource } from '../ports/random-source';
import type { MerchantStorePort } from './merchant-store-port';
import type { PortalRecordsPort } from './portal-records-port';
import type { ShopifyOAuthPort } from './shopify-oauth-port';
import type { TokenCipherPort } from './token-cipher-port';
import type { WalletInspectorPort } from './wallet-inspector-port';

/** Lifetimes of the install nonce and portal sessions. */
export interface MerchantPolicy {
  /** OAuth `state` nonce lifetime (10 min). */
  oauthStateTtlMs: number;
  /** Portal session lifetime (12 h). */
  portalSessionTtlMs: number;
  /** The settlement tokens this deployment offers (mint per token on this cluster). */
  tokens: readonly SettlementToken[];
  /** Addresses never accepted as payout wallets (mints, Circle pre-mint addresses, programs). */
  forbiddenPayoutWallets: readonly string[];
}

/** Default lifetimes: nonce 10 minutes, portal session 12 hours. */
export const DEFAULT_MERCHANT_TTLS = {
  oauthStateTtlMs: 10 * 60 * 1000,
  portalSessionTtlMs: 12 * 60 * 60 * 1000,
} as const;

/** Everything the merchant use cases (install, portal, onboarding) depend on, passed in. */
export interface MerchantDeps {
  merchants: MerchantStorePort;
  portalRecords: PortalRecordsPort;
  oauth: ShopifyOAuthPort;
  cipher: TokenCipherPort;
  wallets: WalletInspectorPort;
  dispatch: MutationDispatchPort;
  clock: Clock;
  logger: DomainLogger;
  policy: MerchantPolicy;
  /** Draws OAuth `state` nonces and CSRF tokens; default `systemRandom`. */
  random?: RandomSource;
}
