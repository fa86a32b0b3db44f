import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '@solpay/db';
import { configureTestShop } from '@solpay/domain/src/testing/configure-test-shop';
import { createPrismaMerchantStore } from '../merchants/prisma-merchant-store';
import { createPrismaSessionStore } from './prisma-session-store';

jest.setTimeout(60_000);

const shop = 'surrogates.myshopify.com';

describe('payment sessions store what Shopify sends, even what jsonb cannot hold', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('pglite');
    await configureTestShop(createPrismaMerchantStore(db.prisma), {
      shopDomain: shop,
      payoutWallet: 'Payout1111111111111111111111111111111111111',
      settlementMint: 'UsdcMint111111111111111111111111111111111111',
      at: new Date(),
    });
  });

  afterAll(async () => {
    await db?.close();
  });

  it('creates the payment with a lone surrogate and U+0000 in the buyer data, stored as U+FFFD', async () => {
    // Found by the route fuzzer: a billing address with "\ud800" failed the insert (500).
    const created = await createPrismaSessionStore(db.prisma).createPaymentForShop(shop, {
      shopifyId: 'surrogate-1',
      gid: 'gid://shopify/PaymentSession/surrogate-1',
      group: 'g',
      sessionId: null,
      kind: 'SALE',
      amount: '19.99',
      currency: 'USD',
      tokenAmount: 19_990_000n,
      tokenMint: 'UsdcMint111111111111111111111111111111111111',
      tokenDecimals: 6,
      tokenSymbol: 'USDC',
      tokenProgram: 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA',
      quote: null,
      referenceKey: 'ref-surrogate-1',
      test: true,
      cancelUrl: 'https://surrogates.myshopify.com/cancel',
      merchantLocale: null,
      proposedAt: null,
      apiVersion: '2026-10',
      customerEmail: null,
      customerPhone: null,
      customerData: { billing_address: { city: 'Z\ud800rich', line2: 'a\u0000b' } },
      expiresAt: new Date(Date.now() + 30 * 60_000),
    });
    expect(created).toMatchObject({ created: true });
    const stored = await db.prisma.paymentRecord.findUniqueOrThrow({
      where: { id: created?.id ?? '' },
      select: { customerData: true },
    });
    expect(stored.customerData).toEqual({
      billing_address: { city: 'Z\uFFFDrich', line2: 'a\uFFFDb' },
    });
  });
});
