import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startShopifySimulator, type ShopifySimulator } from './index';
import { startFakeGreen, type FakeGreen } from './test-support/fake-green-server';
import { createThrowawayPki } from './test-support/throwaway-pki';

const SECRET = 'webhook-secret';
const SHOP = 'demo-shop.myshopify.com';
let sim: ShopifySimulator;
let green: FakeGreen;

beforeAll(async () => {
  const pki = createThrowawayPki();
  green = await startFakeGreen(pki, SECRET);
  sim = await startShopifySimulator({
    apiKey: 'key',
    apiSecret: SECRET,
    apiVersion: '2026-10',
    green: { url: green.url, ca: pki.caCert, clientCert: pki.clientCert, clientKey: pki.clientKey },
  });
});

afterAll(async () => {
  await sim.close();
  await green.close();
});

const base64Hmac = (body: string) =>
  createHmac('sha256', SECRET).update(body, 'utf8').digest('base64');

describe('GDPR webhooks', () => {
  it('signs the raw body with X-Shopify-* headers over mTLS', async () => {
    const result = await sim.sendWebhook({
      shop: SHOP,
      topic: 'customers/redact',
      payload: { shop_domain: SHOP, customer: { id: 1 } },
    });
    expect(result.status).toBe(200);
    const request = green.requests.at(-1)!;
    expect(request.path).toBe('/gdpr/customers/redact');
    expect(request.clientCertCommonName).toBe('Shopify Payments Platform (test)');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['x-shopify-hmac-sha256']).toBe(base64Hmac(request.rawBody));
    expect(request.headers['x-shopify-topic']).toBe('customers/redact');
    expect(request.headers['x-shopify-shop-domain']).toBe(SHOP);
    expect(request.headers['x-shopify-api-version']).toBe('2026-10');
    expect(request.headers['x-shopify-webhook-id']).toBe(result.webhookId);
    expect(Number.isNaN(Date.parse(String(request.headers['x-shopify-triggered-at'])))).toBe(false);
  });

  it('uses shopify-* headers in the newer style and sends string payloads byte for byte', async () => {
    const raw =
      '{ "shop_id": 1,\n  "shop_domain": "demo-shop.myshopify.com", "note": "caf\u00e9" }';
    const result = await sim.sendWebhook({
      shop: SHOP,
      topic: 'shop/redact',
      payload: raw,
      headerStyle: 'shopify',
    });
    expect(result.status).toBe(200);
    const request = green.requests.at(-1)!;
    expect(request.rawBody).toBe(raw);
    expect(request.headers['shopify-hmac-sha256']).toBe(base64Hmac(raw));
    expect(request.headers['shopify-topic']).toBe('shop/redact');
    expect(request.headers['x-shopify-hmac-sha256']).toBeUndefined();
  });

  it('sends a typical payload by default, and a tampered body fails the HMAC check', async () => {
    const ok = await sim.sendWebhook({ shop: SHOP, topic: 'customers/data_request' });
    expect(ok.status).toBe(200);
    expect(JSON.parse(green.requests.at(-1)!.rawBody)).toMatchObject({
      shop_domain: SHOP,
      customer: { email: 'buyer@example.com' },
      data_request: { id: expect.any(Number) },
    });
    const tampered = await sim.sendWebhook({
      shop: SHOP,
      topic: 'customers/data_request',
      tamper: true,
    });
    expect(tampered.status).toBe(401);
    const request = green.requests.at(-1)!;
    expect(() => JSON.parse(request.rawBody)).not.toThrow();
    expect(request.headers['x-shopify-hmac-sha256']).not.toBe(base64Hmac(request.rawBody));
  });

  it('is reachable through POST /_sim/webhooks', async () => {
    const res = await fetch(`${sim.url}/_sim/webhooks`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ shop: SHOP, topic: 'shop/redact' }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: number }).status).toBe(200);
    const bad = await fetch(`${sim.url}/_sim/webhooks`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ shop: SHOP, topic: 'orders/create' }),
    });
    expect(bad.status).toBe(400);
  });
});
