import { describe, expect, it } from '@jest/globals';
import { FX_FEEDS } from '../money/fx-feeds';
import { settlementTokensFor } from '../money/settlement-tokens';
import type { PriceOraclePort, PriceReading } from '../ports/price-oracle-port';
import type {
  MerchantForSessions,
  NewPaymentRecord,
  SessionStorePort,
} from '../ports/session-store-port';
import { paymentSessionRequestSchema } from '../sessions/payment-session-request';
import { createPaymentSession, type CreatePaymentSessionDeps } from './create-payment-session';
import { BusinessRuleViolationError, InvalidInputError } from '../errors';

const NOW = new Date('2026-12-02T10:00:00Z');
const SHOP = 'demo-shop.myshopify.com';
const HEADERS = {
  'shopify-shop-domain': SHOP,
  'shopify-request-id': 'r1',
  'shopify-api-version': '2026-10',
};

/** An in-memory store that behaves like the one-statement insert: one row per id. */
function memoryStore(merchant: MerchantForSessions) {
  const rows = new Map<string, NewPaymentRecord & { id: string }>();
  const store: SessionStorePort = {
    async findMerchantByShop() {
      return merchant;
    },
    async createUnquotedPayment(shop, draft, settlements) {
      const settled = settlements.find((row) => row.tokenSymbol === merchant.settlementToken);
      const canPay = merchant.installed && merchant.configured && merchant.payoutWallet !== null;
      if (canPay && settled) {
        return {
          merchant,
          payment: await store.createPaymentForShop(shop, { ...draft, ...settled, quote: null }),
        };
      }
      const existing = rows.get(draft.shopifyId);
      return { merchant, payment: existing ? { id: existing.id, created: false } : null };
    },
    async createPaymentForShop(_shop, record) {
      const existing = rows.get(record.shopifyId);
      if (existing) return { id: existing.id, created: false };
      const id = `p${rows.size + 1}`;
      rows.set(record.shopifyId, { ...record, id });
      return { id, created: true };
    },
  };
  return { store, rows };
}

function oracleWith(readings: Partial<Record<string, Partial<PriceReading>>>) {
  const reads: string[][] = [];
  const oracle: PriceOraclePort = {
    async readPrices(ids) {
      reads.push([...ids]);
      return new Map(
        ids.map((id) => {
          const currency = Object.keys(FX_FEEDS).find((code) => FX_FEEDS[code]?.id === id);
          const override = currency ? readings[currency] : undefined;
          return [
            id,
            override
              ? {
                  feedId: id,
                  price: 137_000n,
                  conf: 10n,
                  exponent: -5,
                  publishTime: NOW.getTime() / 1000 - 2,
                  fullyVerified: true,
                  ...override,
                }
              : null,
          ];
        }),
      );
    },
  };
  return { oracle, reads };
}

function setup(
  settlementToken = 'USDC',
  readings: Partial<Record<string, Partial<PriceReading>>> = { CAD: {} },
) {
  const merchant: MerchantForSessions = {
    id: 'm1',
    shopDomain: SHOP,
    installed: true,
    configured: true,
    payoutWallet: 'wallet',
    displayName: 'Demo',
    settlementToken,
  };
  const { store, rows } = memoryStore(merchant);
  const { oracle, reads } = oracleWith(readings);
  const deps: CreatePaymentSessionDeps = {
    sessions: store,
    oracle,
    clock: { now: () => NOW },
    settlement: {
      tokens: settlementTokensFor('localnet', {
        USDC: 'UsdcMint1111111111111111111111111111111111',
        EURC: 'EurcMint1111111111111111111111111111111111',
      }),
      testCluster: true,
      checkoutOrigin: 'https://checkout.example',
      paymentTtlMinutes: 120,
      priceLimits: { maxAgeSeconds: 60, maxConfidenceRatio: '0.005' },
    },
  };
  return { deps, rows, reads };
}

const request = (id: string, currency: string, amount = '10.00') =>
  paymentSessionRequestSchema.parse({
    id,
    gid: `gid://shopify/PaymentSession/${id}`,
    group: 'g',
    amount,
    currency,
    test: true,
    payment_method: { type: 'offsite', data: { cancel_url: 'https://shop.example/c' } },
    kind: 'sale',
  });

describe('createPaymentSession with settlement tokens and quotes', () => {
  it('converts 1:1 in the token currency and stores no quote', async () => {
    const { deps, rows, reads } = setup();
    await createPaymentSession(deps, HEADERS, request('a', 'USD', '19.99'));
    expect(rows.get('a')).toMatchObject({
      tokenAmount: 19_990_000n,
      tokenSymbol: 'USDC',
      quote: null,
    });
    expect(reads).toEqual([]);
  });

  it('stores the quote with the record: rate, feed, publish time, expiry = session expiry', async () => {
    const { deps, rows } = setup();
    await createPaymentSession(deps, HEADERS, request('b', 'CAD'));
    const row = rows.get('b');
    expect(row?.quote).toEqual({
      rate: '0.729927007299270073',
      feeds: [{ symbol: 'FX.USD/CAD', id: FX_FEEDS.CAD?.id }],
      publishedAt: new Date(NOW.getTime() - 2000),
      expiresAt: row?.expiresAt,
    });
    expect(row?.expiresAt).toEqual(new Date(NOW.getTime() + 120 * 60_000));
    expect(row?.tokenAmount).toBe(7_299_271n); // 7.29927007… rounded up
  });

  it('answers a repeated id from the stored record without reading prices again', async () => {
    const { deps, reads } = setup();
    const first = await createPaymentSession(deps, HEADERS, request('c', 'CAD'));
    const second = await createPaymentSession(deps, HEADERS, request('c', 'CAD'));
    expect(second).toEqual({ ...first, created: false });
    expect(reads).toHaveLength(1);
  });

  it('settles in the merchant token: EURC takes EUR 1:1 and crosses CAD via USD', async () => {
    const { deps, rows } = setup('EURC', { CAD: {}, EUR: { price: 108_000n } });
    await createPaymentSession(deps, HEADERS, request('d', 'EUR', '25.50'));
    expect(rows.get('d')).toMatchObject({
      tokenSymbol: 'EURC',
      tokenAmount: 25_500_000n,
      quote: null,
    });
    await createPaymentSession(deps, HEADERS, request('e', 'CAD'));
    expect(rows.get('e')?.quote?.feeds.map((feed) => feed.symbol)).toEqual([
      'FX.USD/CAD',
      'FX.EUR/USD',
    ]);
  });

  it('stores nothing for a stale price, an unknown code or a currency without a feed', async () => {
    const { deps, rows } = setup('USDC', { CAD: { publishTime: NOW.getTime() / 1000 - 61 } });
    await expect(createPaymentSession(deps, HEADERS, request('f', 'CAD'))).rejects.toThrow(
      BusinessRuleViolationError,
    );
    await expect(createPaymentSession(deps, HEADERS, request('g', 'ZZZ'))).rejects.toThrow(
      InvalidInputError,
    );
    await expect(createPaymentSession(deps, HEADERS, request('h', 'XAF'))).rejects.toThrow(
      /Unsupported currency XAF/,
    );
    expect(rows.size).toBe(0);
  });
});
