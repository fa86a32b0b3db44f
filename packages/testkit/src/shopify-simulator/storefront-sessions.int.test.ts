/* eslint-disable @typescript-eslint/no-explicit-any -- tests read deep JSON responses. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startShopifySimulator, type ShopifySimulator } from './index';
import { startFakeGreen, type FakeGreen } from './test-support/fake-green-server';
import { createThrowawayPki, type ThrowawayPki } from './test-support/throwaway-pki';

const API_VERSION = '2026-10';
const SHOP = 'demo-shop.myshopify.com';

let pki: ThrowawayPki;
let sim: ShopifySimulator;
let green: FakeGreen;
let token: string;

async function resolve(gid: string): Promise<void> {
  const res = await fetch(`${sim.url}/payments_apps/api/${API_VERSION}/graphql.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Shopify-Access-Token': token },
    body: JSON.stringify({
      query: 'mutation R($id: ID!) { paymentSessionResolve(id: $id) { userErrors { message } } }',
      variables: { id: gid },
    }),
  });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  pki = createThrowawayPki();
  green = await startFakeGreen(pki, 'secret');
  sim = await startShopifySimulator({
    apiKey: 'key',
    apiSecret: 'secret',
    apiVersion: API_VERSION,
    green: { url: green.url, ca: pki.caCert, clientCert: pki.clientCert, clientKey: pki.clientKey },
  });
  token = sim.issueAccessToken(SHOP).accessToken;
});

beforeEach(() => green.answerWith(null));

afterAll(async () => {
  await sim.close();
  await green.close();
});

describe('payment sessions', () => {
  it('sends the payment session over mTLS with Shopify headers and body, returning the redirect', async () => {
    const before = green.requests.length;
    const result = await sim.placeOrder({ amount: '49.90', currency: 'USD', test: true });
    const request = green.requests[before]!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/payment');
    expect(request.clientCertCommonName).toBe('Shopify Payments Platform (test)');
    expect(request.headers['shopify-shop-domain']).toBe(SHOP);
    expect(request.headers['shopify-api-version']).toBe(API_VERSION);
    expect(request.headers['shopify-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(request.headers['content-type']).toBe('application/json');
    const body = JSON.parse(request.rawBody);
    expect(Object.keys(body).sort()).toEqual(
      [
        'id',
        'gid',
        'group',
        'session_id',
        'amount',
        'currency',
        'test',
        'merchant_locale',
        'payment_method',
        'proposed_at',
        'customer',
        'kind',
      ].sort(),
    );
    expect(body.id).toMatch(/^[A-Za-z0-9]{16,}$/);
    expect(body.gid).toBe(`gid://shopify/PaymentSession/${body.id}`);
    expect(body).toMatchObject({
      amount: '49.90',
      currency: 'USD',
      test: true,
      merchant_locale: 'en',
      kind: 'sale',
      payment_method: {
        type: 'offsite',
        data: { cancel_url: `${sim.url}/checkouts/${result.order.id}/cancelled` },
      },
      customer: { email: 'buyer@example.com', billing_address: { country_code: 'US' } },
    });
    expect(Number.isNaN(Date.parse(body.proposed_at))).toBe(false);
    expect(result.status).toBe(201);
    expect(result.redirectUrl).toBe(`https://checkout.test/pay/${body.id}`);
    expect(result.order.status).toBe('awaiting-payment');
    expect(result.order.paymentSessions[0]?.request).toEqual(body);
  });

  it('resends the same body with a new request id, and a checkout retry keeps the group', async () => {
    const { order } = await sim.placeOrder({ amount: '5.00', customer: null });
    const first = green.requests.at(-1)!;
    expect(JSON.parse(first.rawBody).customer).toBeNull();
    await sim.resendPaymentSession(order.id);
    const resent = green.requests.at(-1)!;
    expect(resent.rawBody).toBe(first.rawBody);
    expect(resent.headers['shopify-request-id']).not.toBe(first.headers['shopify-request-id']);
    const retry = await sim.retryCheckout(order.id);
    const retried = JSON.parse(green.requests.at(-1)!.rawBody);
    const original = JSON.parse(first.rawBody);
    expect(retried.id).not.toBe(original.id);
    expect(retried.group).toBe(original.group);
    expect(retried.session_id).toBe(original.session_id);
    expect(retry.order.paymentSessions).toHaveLength(2);
  });

  it('records an app failure and a TLS failure without throwing', async () => {
    green.answerWith((req) =>
      req.path === '/payment' ? { status: 500, body: { error: 'boom' } } : undefined,
    );
    const failed = await sim.placeOrder({ amount: '1.00' });
    expect(failed).toMatchObject({ status: 500, redirectUrl: '', body: { error: 'boom' } });
    expect(failed.order.status).toBe('session-failed');

    const stranger = createThrowawayPki();
    const untrusting = await startShopifySimulator({
      apiKey: 'key',
      apiSecret: 'secret',
      apiVersion: API_VERSION,
      green: {
        url: green.url,
        ca: stranger.caCert,
        clientCert: pki.clientCert,
        clientKey: pki.clientKey,
      },
    });
    try {
      const tls = await untrusting.placeOrder({ amount: '1.00' });
      expect(tls.status).toBe(0);
      expect(tls.order.paymentSessions[0]?.deliveries[0]?.error).toBeTruthy();
    } finally {
      await untrusting.close();
    }
  });

  it('rejects bad input with a SimulatorInputError', async () => {
    await expect(sim.placeOrder({ amount: '12,50' })).rejects.toThrow(/decimal/);
    await expect(sim.placeOrder({ amount: '1.00', shop: 'evil.com' })).rejects.toThrow(
      /Unknown shop/,
    );
  });
});

describe('refund sessions', () => {
  it('sends a refund session for a paid order and enforces the refundable amount', async () => {
    const { order } = await sim.placeOrder({ amount: '20.00' });
    await expect(sim.issueRefund({ orderId: order.id, amount: '1.00' })).rejects.toThrow(
      /not paid/,
    );
    await resolve(order.paymentSessions[0]!.gid);
    const refund = await sim.issueRefund({ orderId: order.id, amount: '15.00' });
    const request = green.requests.at(-1)!;
    expect(request.path).toBe('/refund');
    expect(request.clientCertCommonName).toBe('Shopify Payments Platform (test)');
    expect(request.headers['shopify-shop-domain']).toBe(SHOP);
    expect(request.headers['shopify-api-version']).toBe(API_VERSION);
    expect(JSON.parse(request.rawBody)).toEqual({
      id: refund.refundId,
      gid: `gid://shopify/RefundSession/${refund.refundId}`,
      payment_id: order.paymentSessions[0]!.id,
      amount: '15.00',
      currency: 'USD',
      test: true,
      merchant_locale: 'en',
      proposed_at: expect.any(String),
    });
    expect(refund.status).toBe(201);
    await expect(sim.issueRefund({ orderId: order.id, amount: '5.01' })).rejects.toThrow(
      /at most 5.00/,
    );
    const forced = await sim.issueRefund({ orderId: order.id, amount: '99.00', force: true });
    expect(forced.status).toBe(201);
  });
});

describe('browser pages', () => {
  it('checkout form redirects the browser to the app, and shows app errors', async () => {
    const res = await fetch(`${sim.url}/checkout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        shop: SHOP,
        amount: '12.34',
        currency: 'USD',
        test: '1',
        email: 'a@b.c',
      }),
    });
    expect(res.status).toBe(303);
    const sent = JSON.parse(green.requests.at(-1)!.rawBody);
    expect(res.headers.get('location')).toBe(`https://checkout.test/pay/${sent.id}`);
    expect(sent).toMatchObject({ amount: '12.34', test: true, customer: { email: 'a@b.c' } });

    green.answerWith(() => ({ status: 422, body: { error: 'Unsupported currency' } }));
    const failed = await fetch(`${sim.url}/checkout`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ shop: SHOP, amount: '1.00', currency: 'EUR' }),
    });
    expect(failed.status).toBe(502);
    const page = await failed.text();
    expect(page).toContain('HTTP 422');
    expect(page).toContain('Unsupported currency');
  });

  it('serves the store, cancel and admin pages; the admin refund form sends a refund', async () => {
    const store = await (await fetch(`${sim.url}/`)).text();
    expect(store).toContain('Buy with Solana Pay');
    expect(store).toContain('<label for="amount">');
    const { order } = await sim.placeOrder({ amount: '8.00' });
    const cancelled = await (await fetch(`${sim.url}/checkouts/${order.id}/cancelled`)).text();
    expect(cancelled).toContain('Try paying again');
    await resolve(order.paymentSessions[0]!.gid);
    const admin = await (await fetch(`${sim.url}/admin/orders`)).text();
    expect(admin).toContain(order.name);
    expect(admin).toContain(`/admin/orders/${order.id}/refunds`);
    const before = green.requests.length;
    const refund = await fetch(`${sim.url}/admin/orders/${order.id}/refunds`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ amount: '3.00' }),
    });
    expect(refund.status).toBe(303);
    expect(refund.headers.get('location')).toContain('notice=');
    expect(green.requests[before]?.path).toBe('/refund');
    const after = sim.orders().find((o) => o.id === order.id);
    expect(after?.refunds.map((r) => r.amount)).toEqual(['3.00']);
  });

  it('places orders and refunds through the /_sim control API', async () => {
    const placed = await fetch(`${sim.url}/_sim/orders`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ amount: '2.50' }),
    });
    expect(placed.status).toBe(201);
    const { order, redirectUrl, status } = (await placed.json()) as any;
    expect(status).toBe(201);
    expect(redirectUrl).toMatch(/^https:\/\/checkout\.test\/pay\//);
    const refused = await fetch(`${sim.url}/_sim/refunds`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ orderId: order.id, amount: '1.00' }),
    });
    expect(refused.status).toBe(409);
    const bad = await fetch(`${sim.url}/_sim/orders`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ amount: 2.5 }),
    });
    expect(bad.status).toBe(400);
    const list = (await (await fetch(`${sim.url}/_sim/orders`)).json()) as any;
    expect(list.orders.some((o: { id: string }) => o.id === order.id)).toBe(true);
  });
});
