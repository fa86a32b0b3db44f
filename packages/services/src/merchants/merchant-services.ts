import { Keypair } from '@solana/web3.js';
import {
  DEFAULT_MERCHANT_TTLS,
  settlementTokensFor,
  systemClock,
  type CreateRefundSessionDeps,
  type EngineDeps,
  type MerchantDeps,
} from '@solpay/domain';
import { createTokenCipher, type FetchLike } from '@solpay/shopify';
import type { AppServices } from '../app-services';
import { createDispatchPort } from '../dispatch/create-dispatch-port';
import { createPrismaSessionStore } from '../stores/prisma-session-store';
import { createShopifyOAuth } from './create-shopify-oauth';
import { createWeb3WalletInspector } from './create-web3-wallet-inspector';
import type { SolanaCluster } from './explorer-url';
import { FORBIDDEN_PAYOUT_WALLETS } from './forbidden-payout-wallets';
import { createPrismaMerchantStore } from './prisma-merchant-store';
import { createPrismaPortalRecords } from './prisma-portal-records';
import { createPrismaRefundSessionStore } from './prisma-refund-session-store';

/** Settings the merchant HTTP routes need besides the use cases. */
export interface MerchantHttpSettings {
  /** `SESSION_SECRET`: signs the OAuth state and portal session cookies. */
  sessionSecret: string;
  purpleOrigin: string;
  portalOrigin: string;
  /** `SHOPIFY_ADMIN_ORIGIN` when set. */
  shopifyAdminOrigin: string | undefined;
  cluster: SolanaCluster;
  rpcUrl: string;
  /** The Shopify API version this build targets (inbound versions are checked against it). */
  apiVersion: string;
}

/** Everything the install, portal and refund-session routes use. */
export interface MerchantServices {
  merchant: MerchantDeps;
  engine: EngineDeps;
  refundSessions: CreateRefundSessionDeps;
  settings: MerchantHttpSettings;
}

/** Options of {@link createMerchantServices}. */
export interface MerchantServicesOptions {
  /** `fetch` for Shopify's token endpoint (tests count calls through it). */
  fetch?: FetchLike;
}

/**
 * Builds the merchant-side services on top of the composition root: Prisma stores, the Shopify
 * OAuth adapter (callback `${PURPLE_ORIGIN}/auth/callback`, configured scopes, admin origin),
 * the token cipher (the same key and AAD the outbox's token reader uses), the wallet inspector,
 * and the engine for rejecting refunds. Reads the `web`, `shopify` and `solana` sections.
 */
export function createMerchantServices(
  app: AppServices,
  options: MerchantServicesOptions = {},
): MerchantServices {
  const { web, shopify, solana } = app.config(['web', 'shopify', 'solana']);
  const prisma = app.prisma;
  const engine = app.engine;
  const dispatch = createDispatchPort(app.dispatcher);
  const gasWallet = Keypair.fromSecretKey(solana.gasKeypair).publicKey.toBase58();
  const tokens = settlementTokensFor(solana.cluster, solana.mintOverrides);
  const merchant: MerchantDeps = {
    merchants: createPrismaMerchantStore(prisma),
    portalRecords: createPrismaPortalRecords(prisma),
    oauth: createShopifyOAuth({
      apiKey: shopify.apiKey,
      apiSecret: shopify.apiSecret,
      scopes: shopify.scopes,
      redirectUri: `${web.purpleOrigin}/auth/callback`,
      adminOrigin: shopify.adminOrigin,
      timeoutMs: shopify.httpTimeoutMs,
      fetch: options.fetch,
    }),
    cipher: createTokenCipher(Buffer.from(shopify.tokenEncryptionKey).toString('base64')),
    wallets: createWeb3WalletInspector(app.connection),
    dispatch,
    clock: systemClock,
    logger: app.logger.child({ component: 'merchants' }),
    policy: {
      ...DEFAULT_MERCHANT_TTLS,
      tokens,
      forbiddenPayoutWallets: [
        ...FORBIDDEN_PAYOUT_WALLETS,
        ...tokens.map((token) => token.mint),
        gasWallet,
      ],
    },
  };
  return {
    merchant,
    engine,
    refundSessions: {
      sessions: createPrismaSessionStore(prisma),
      refunds: createPrismaRefundSessionStore(prisma),
      dispatch,
      logger: app.logger.child({ component: 'refunds' }),
    },
    settings: {
      sessionSecret: web.sessionSecret,
      purpleOrigin: web.purpleOrigin,
      portalOrigin: web.portalOrigin,
      shopifyAdminOrigin: shopify.adminOrigin,
      cluster: solana.cluster,
      rpcUrl: solana.rpcUrl,
      apiVersion: shopify.apiVersion,
    },
  };
}
