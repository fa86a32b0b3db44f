/**
 * Settlement tokens and presentment currencies end to end on the local stack (issue 14): the
 * local chain's Pyth-layout price accounts, mints for every settlement token (PYUSD on
 * Token-2022), real mTLS sessions from the Shopify simulator, the wallet through `@solana/pay`.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { fetchTransaction } from '@solana/pay';
import { getAssociatedTokenAddressSync } from '@solana/spl-token';
import type { PublicKey } from '@solana/web3.js';
import { toTokenUnits } from '@solpay/domain';
import { retryQueueWorker } from '@solpay/local';
import { signIn, portal, type PortalLogin } from '../test-support/merchant-harness';
import { startPaymentHarness, until, type PaymentHarness } from '../test-support/payment-harness';

let h: PaymentHarness;
let login: PortalLogin;

const chain = () => h.stack.chain!;
const sim = () => h.stack.simulator!;
const resolvesFor = (gid: string) =>
  sim()
    .mutations()
    .filter((m) => m.mutation === 'paymentSessionResolve' && m.variables.id === gid);

async function balance(symbol: string, owner: PublicKey): Promise<bigint> {
  const token = chain().tokens.find((candidate) => candidate.symbol === symbol)!;
  const ata = getAssociatedTokenAddressSync(token.mint, owner, true, token.programId);
  const account = await h.connection.getTokenAccountBalance(ata).catch(() => undefined);
  return BigInt(account?.value.amount ?? '0');
}

async function setToken(settlementToken: string): Promise<void> {
  const reply = await portal(h, login, '/portal/settings/token', {
    method: 'PUT',
    body: { settlementToken },
  });
  expect(reply.status).toBe(200);
  expect(reply.json).toMatchObject({ settlementToken });
}

async function order(amount: string, currency: string) {
  const placed = await sim().placeOrder({ amount, currency });
  if (placed.status !== 201) {
    return { status: placed.status, body: placed.body as Record<string, unknown> };
  }
  const session = placed.order.paymentSessions.at(-1)!;
  const paymentId = new URL(placed.redirectUrl).pathname.split('/').at(-1)!;
  return { status: 201, paymentId, gid: session.gid, orderId: placed.order.id };
}

async function payAsBuyer(paymentId: string): Promise<string> {
  const link = `${h.stack.urls.purple}/tx/payment/${paymentId}`;
  const transaction = await fetchTransaction(h.connection, chain().buyer.publicKey, link);
  const signature = await h.sendAndFinalize(transaction, [chain().buyer]);
  await h.webhook([await h.rawTransaction(signature)]);
  await until(async () => {
    const row = await h.stack.prisma.paymentRecord.findUnique({ where: { id: paymentId } });
    return row?.status === 'PAID' ? true : undefined;
  }, 'the payment to be PAID');
  return signature;
}

async function refundAsMerchant(orderId: string, amount: string) {
  const issued = await sim().issueRefund({ orderId, amount });
  expect(issued.status).toBe(201);
  const refund = await h.stack.prisma.refundRecord.findFirstOrThrow({
    where: { gid: issued.gid },
  });
  expect(refund.status).toBe('OPEN');
  const transaction = await fetchTransaction(
    h.connection,
    chain().merchant.publicKey,
    `${h.stack.urls.purple}/tx/refund/${refund.id}`,
  );
  const signature = await h.sendAndFinalize(transaction, [chain().merchant]);
  await h.webhook([await h.rawTransaction(signature)]);
  await until(async () => {
    const row = await h.stack.prisma.refundRecord.findUnique({ where: { id: refund.id } });
    return row?.status === 'PAID' ? row : undefined;
  }, 'the refund to be PAID');
  return refund;
}

function sessionBody(id: string, currency: string, amount = '10.00') {
  return JSON.stringify({
    id,
    gid: `gid://shopify/PaymentSession/${id}`,
    group: `group-${id}`,
    amount,
    currency,
    test: true,
    payment_method: { type: 'offsite', data: { cancel_url: 'https://shop.example/cancel' } },
    kind: 'sale',
  });
}

function postSession(body: string) {
  return h.request(`${h.stack.urls.green}/payment`, {
    method: 'POST',
    mtls: true,
    headers: {
      'content-type': 'application/json',
      'shopify-shop-domain': h.stack.demoShop.domain,
      'shopify-request-id': randomUUID(),
      'shopify-api-version': '2026-10',
    },
    body,
  });
}

const recordsWith = (shopifyId: string) =>
  h.stack.prisma.paymentRecord.count({ where: { shopifyId } });

beforeAll(async () => {
  h = await startPaymentHarness({ env: process.env, workers: [retryQueueWorker] });
  login = await signIn(h);
}, 90_000);

afterAll(async () => {
  await h?.close();
});

describe('settlement tokens and currencies', () => {
  it('USDC merchant, CAD session: quoted, paid exactly, partial refund at the locked rate', async () => {
    await setToken('USDC');
    const placed = await order('10.00', 'CAD');
    expect(placed.status).toBe(201);
    const { paymentId, gid, orderId } = placed as Required<typeof placed>;

    const view = await h.request(`${h.stack.urls.purple}/checkout/payments/${paymentId}`);
    expect(view.status).toBe(200);
    const quote = view.json?.quote as Record<string, string>;
    // Default local USD/CAD is 1/0.73 = 1.36986 (5 decimals) → about 0.73 USDC per CAD.
    expect(quote).toMatchObject({ feed: 'FX.USD/CAD' });
    expect(Number(quote.rate)).toBeCloseTo(0.73, 4);
    expect(view.json).toMatchObject({
      amount: '10.00',
      currency: 'CAD',
      token: { symbol: 'USDC', mint: chain().mint.toBase58(), decimals: 6 },
    });
    const expected = toTokenUnits('10.00', String(quote.rate), 6, 'up');
    const row = await h.stack.prisma.paymentRecord.findUniqueOrThrow({ where: { id: paymentId } });
    expect(row.tokenAmount).toBe(expected);
    expect(row.quoteExpiresAt?.toISOString()).toBe(row.expiresAt.toISOString());
    expect(quote.expiresAt).toBe(row.expiresAt.toISOString());

    const before = await balance('USDC', chain().merchant.publicKey);
    await payAsBuyer(paymentId);
    expect(await balance('USDC', chain().merchant.publicKey)).toBe(before + expected);
    await until(async () => (resolvesFor(gid).length > 0 ? true : undefined), 'the resolve');
    expect(resolvesFor(gid)).toHaveLength(1);

    // The price moves; the refund still uses the locked rate, rounded down.
    chain().prices.setUsdRate('CAD', '0.80');
    const buyerBefore = await balance('USDC', chain().buyer.publicKey);
    const refund = await refundAsMerchant(orderId, '4.00');
    const refunded = toTokenUnits('4.00', String(quote.rate), 6, 'down');
    expect(refund.tokenAmount).toBe(refunded);
    expect(refund.tokenSymbol).toBe('USDC');
    expect(await balance('USDC', chain().buyer.publicKey)).toBe(buyerBefore + refunded);
    chain().prices.setUsdRate('CAD', '0.73');
  }, 60_000);

  it('answers a repeated session id with the same record and the same locked quote', async () => {
    const id = `repeat-${randomUUID()}`;
    const first = await postSession(sessionBody(id, 'GBP'));
    expect(first.status).toBe(201);
    const stored = await h.stack.prisma.paymentRecord.findFirstOrThrow({
      where: { shopifyId: id },
    });
    chain().prices.setUsdRate('GBP', '1.50');
    const second = await postSession(sessionBody(id, 'GBP'));
    expect(second.status).toBe(201);
    expect(second.json?.redirect_url).toBe(first.json?.redirect_url);
    const again = await h.stack.prisma.paymentRecord.findFirstOrThrow({ where: { shopifyId: id } });
    expect(again.quoteRate?.toFixed()).toBe(stored.quoteRate?.toFixed());
    expect(again.tokenAmount).toBe(stored.tokenAmount);
    expect(await recordsWith(id)).toBe(1);
    chain().prices.setUsdRate('GBP', '1.27');
  }, 60_000);

  it('refuses a stale price with a 4xx naming it, and stores nothing', async () => {
    chain().prices.update('EUR', { lagSeconds: 120 });
    try {
      const id = `stale-${randomUUID()}`;
      const reply = await postSession(sessionBody(id, 'EUR'));
      expect(reply.status).toBe(422);
      expect(String(reply.json?.message)).toMatch(/FX\.EUR\/USD is stale: published 1\d\d s ago/);
      expect(await recordsWith(id)).toBe(0);
    } finally {
      chain().prices.update('EUR', { lagSeconds: 0 });
    }
  }, 60_000);

  it('refuses a price whose confidence is too wide with a 4xx naming it, and stores nothing', async () => {
    chain().prices.update('JPY', { confidenceRatio: '0.01' });
    try {
      const id = `uncertain-${randomUUID()}`;
      const reply = await postSession(sessionBody(id, 'JPY', '1500'));
      expect(reply.status).toBe(422);
      expect(String(reply.json?.message)).toMatch(/FX\.USD\/JPY is too uncertain/);
      expect(await recordsWith(id)).toBe(0);
    } finally {
      chain().prices.update('JPY', { confidenceRatio: '0.0001' });
    }
  }, 60_000);

  it('refuses an unknown currency code (400) and a currency without a feed (422), naming them', async () => {
    const unknown = await postSession(sessionBody(`zzz-${randomUUID()}`, 'ZZZ'));
    expect(unknown.status).toBe(400);
    expect(String(unknown.json?.message)).toMatch(/Unknown currency code ZZZ/);
    const id = `xaf-${randomUUID()}`;
    const noFeed = await postSession(sessionBody(id, 'XAF'));
    expect(noFeed.status).toBe(422);
    expect(String(noFeed.json?.message)).toMatch(/Unsupported currency XAF: no price feed/);
    expect(await recordsWith(id)).toBe(0);
  }, 60_000);

  it('EURC merchant: a EUR session settles 1:1 in EURC', async () => {
    await setToken('EURC');
    const placed = await order('25.50', 'EUR');
    const { paymentId } = placed as Required<typeof placed>;
    const view = await h.request(`${h.stack.urls.purple}/checkout/payments/${paymentId}`);
    expect(view.json).toMatchObject({
      tokenAmount: '25.50',
      token: { symbol: 'EURC', mint: chain().mints.EURC?.toBase58(), decimals: 6 },
    });
    expect(view.json?.quote).toBeUndefined();
    const before = await balance('EURC', chain().merchant.publicKey);
    await payAsBuyer(paymentId);
    expect(await balance('EURC', chain().merchant.publicKey)).toBe(before + 25_500_000n);
  }, 60_000);

  it('PYUSD merchant (Token-2022): pays and refunds through the Token-2022 program', async () => {
    await setToken('PYUSD');
    const placed = await order('12.34', 'USD');
    const { paymentId, orderId } = placed as Required<typeof placed>;
    const before = await balance('PYUSD', chain().merchant.publicKey);
    await payAsBuyer(paymentId);
    expect(await balance('PYUSD', chain().merchant.publicKey)).toBe(before + 12_340_000n);

    const buyerBefore = await balance('PYUSD', chain().buyer.publicKey);
    const refund = await refundAsMerchant(orderId, '2.34');
    expect(refund.tokenSymbol).toBe('PYUSD');
    expect(await balance('PYUSD', chain().buyer.publicKey)).toBe(buyerBefore + 2_340_000n);
    await setToken('USDC');
  }, 60_000);

  it('a wallet without the token gets 422 naming the token', async () => {
    await setToken('EURC');
    const placed = await order('5.00', 'EUR');
    const { paymentId } = placed as Required<typeof placed>;
    const stranger = await chain().createFundedWallet();
    const reply = await h.request(`${h.stack.urls.purple}/tx/payment/${paymentId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ account: stranger.publicKey.toBase58() }),
    });
    expect(reply.status).toBe(422);
    expect(String(reply.json?.message)).toMatch(/no EURC account/);
    await setToken('USDC');
  }, 60_000);

  it('refuses a settlement token this deployment does not offer (400 naming it)', async () => {
    const reply = await portal(h, login, '/portal/settings/token', {
      method: 'PUT',
      body: { settlementToken: 'DOGE' },
    });
    expect(reply.status).toBe(400);
    expect(String(reply.json?.message)).toMatch(
      /Unknown settlement token DOGE: choose one of USDC, EURC, PYUSD/,
    );
    const csrfless = await portal(h, login, '/portal/settings/token', {
      method: 'PUT',
      body: { settlementToken: 'EURC' },
      csrf: false,
    });
    expect(csrfless.status).toBe(403);
  }, 60_000);
});
