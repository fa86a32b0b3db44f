import { DEFAULT_MERCHANT_TTLS, type MerchantDeps } from '../merchants/merchant-deps';
import { settlementTokensFor, type SettlementToken } from '../money/settlement-tokens';
import type { RandomSource } from '../ports/random-source';
import type { PaymentSessionRequest } from '../sessions/payment-session-request';
import type { EngineDeps } from '../use-cases/engine-deps';
import {
  createPaymentSession,
  type CreatePaymentSessionDeps,
} from '../use-cases/create-payment-session';
import type { CreateRefundSessionDeps } from '../refunds/create-refund-session';
import { InMemoryAppUninstalledStore } from './in-memory-app-uninstalled-store';
import { InMemoryChain, type InMemoryChainOptions } from './in-memory-chain';
import { InMemoryDatabase, type MerchantRow } from './in-memory-database';
import { InMemoryMerchantStore } from './in-memory-merchant-store';
import { InMemoryMutationDispatch } from './in-memory-mutation-dispatch';
import { InMemoryPortalRecords } from './in-memory-portal-records';
import { InMemoryPriceOracle } from './in-memory-price-oracle';
import { InMemoryRecordStore } from './in-memory-record-store';
import { InMemoryRefundSessionStore } from './in-memory-refund-session-store';
import { InMemorySessionStore } from './in-memory-session-store';
import { InMemoryShopifyOAuth } from './in-memory-shopify-oauth';
import { InMemoryTokenCipher } from './in-memory-token-cipher';
import { InMemoryWalletInspector } from './in-memory-wallet-inspector';
import { InMemoryWalletScreening } from './in-memory-wallet-screening';
import { ManualClock } from './manual-clock';
import { RecordingLogger } from './recording-logger';
import { seededRandomSource } from './seeded-random-source';

/** Mints of the local settlement tokens in every world. */
export const TEST_MINTS = {
  USDC: 'UsdcMint111111111111111111111111111111111111',
  EURC: 'EurcMint111111111111111111111111111111111111',
  PYUSD: 'PyusdMint11111111111111111111111111111111111',
} as const;

/** Headers Shopify sends with a session request for `shop`. */
export function sessionHeaders(shop: string, apiVersion = '2026-10') {
  return {
    'shopify-shop-domain': shop,
    'shopify-request-id': `request-${shop}`,
    'shopify-api-version': apiVersion,
  };
}

/**
 * Every port of the domain in memory, wired as one deployment: one database behind all the
 * stores, one chain, one Shopify (outbox dispatch and OAuth), a manual clock and a seeded random
 * source — plus the dependency bundles the use cases take.
 */
export function createInMemoryWorld(
  options: {
    chain?: InMemoryChainOptions;
    /** Each RPC call moves the world's clock on by this much (default 0). */
    rpcLatencyMs?: number;
  } = {},
) {
  const clock = new ManualClock();
  const db = new InMemoryDatabase(clock);
  const logger = new RecordingLogger();
  const random: RandomSource = seededRandomSource();
  const chain = new InMemoryChain({
    clock,
    ...(options.rpcLatencyMs ? { latency: { clock, ms: options.rpcLatencyMs } } : {}),
    ...options.chain,
  });
  const dispatch = new InMemoryMutationDispatch(db);
  const screening = new InMemoryWalletScreening();
  const oracle = new InMemoryPriceOracle();
  const records = new InMemoryRecordStore(db);
  const sessions = new InMemorySessionStore(db);
  const refundSessions = new InMemoryRefundSessionStore(db);
  const merchants = new InMemoryMerchantStore(db);
  const portalRecords = new InMemoryPortalRecords(db);
  const uninstalls = new InMemoryAppUninstalledStore(db);
  const oauth = new InMemoryShopifyOAuth();
  const cipher = new InMemoryTokenCipher();
  const wallets = new InMemoryWalletInspector();
  const tokens: SettlementToken[] = settlementTokensFor('localnet', { ...TEST_MINTS });

  const engine: EngineDeps = { records, chain, screening, dispatch, clock, logger };
  const paymentSessions: CreatePaymentSessionDeps = {
    sessions,
    oracle,
    clock,
    random,
    settlement: {
      tokens,
      testCluster: true,
      checkoutOrigin: 'https://checkout.test',
      paymentTtlMinutes: 30,
      priceLimits: { maxAgeSeconds: 60, maxConfidenceRatio: '0.005' },
    },
  };
  const refundSessionDeps: CreateRefundSessionDeps = {
    sessions,
    refunds: refundSessions,
    dispatch,
    logger,
    random,
  };
  const merchant: MerchantDeps = {
    merchants,
    portalRecords,
    oauth,
    cipher,
    wallets,
    dispatch,
    clock,
    logger,
    random,
    policy: { ...DEFAULT_MERCHANT_TTLS, tokens, forbiddenPayoutWallets: [] },
  };

  /** An installed, configured shop with a payout wallet (what onboarding leaves). */
  const addShop = (fields: Partial<MerchantRow> & { shopDomain?: string } = {}): MerchantRow =>
    db.addMerchant({
      shopDomain: 'demo-shop.myshopify.com',
      displayName: 'Demo Shop',
      payoutWallet: 'MerchantPayout11111111111111111111111111111',
      settlementMint: TEST_MINTS.USDC,
      configured: true,
      termsAcceptedAt: clock.now(),
      ...fields,
    });

  /** Shopify opens a payment session (through the real use case); returns the payment id. */
  const openPayment = async (
    shop: MerchantRow,
    overrides: Partial<PaymentSessionRequest> & { id?: string } = {},
  ): Promise<string> => {
    // Already in the validated shape (no zod at this boundary: keeps the unit tests light).
    const request: PaymentSessionRequest = {
      id: `session-${db.payments.size + 1}`,
      gid: `gid://shopify/PaymentSession/${db.payments.size + 1}`,
      group: 'group-1',
      amount: '25.00',
      currency: 'USD',
      test: true,
      kind: 'sale',
      payment_method: { type: 'offsite', data: { cancel_url: 'https://shop.test/cancel' } },
      ...overrides,
    };
    const created = await createPaymentSession(
      paymentSessions,
      sessionHeaders(shop.shopDomain),
      request,
    );
    return created.paymentId;
  };

  return {
    clock,
    db,
    logger,
    random,
    chain,
    dispatch,
    screening,
    oracle,
    records,
    sessions,
    refundSessions,
    merchants,
    portalRecords,
    uninstalls,
    oauth,
    cipher,
    wallets,
    tokens,
    engine,
    paymentSessions,
    refundSessionDeps,
    merchant,
    addShop,
    openPayment,
  };
}

/** The world {@link createInMemoryWorld} builds. */
export type InMemoryWorld = ReturnType<typeof createInMemoryWorld>;
