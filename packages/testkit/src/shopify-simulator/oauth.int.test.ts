/* eslint-disable @typescript-eslint/no-explicit-any -- tests read deep JSON responses. */
import { createHmac } from 'node:crypto';
import '@shopify/shopify-api/adapters/node';
import { ApiVersion, shopifyApi } from '@shopify/shopify-api';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startShopifySimulator, type ShopifySimulator } from './index';
import { createThrowawayPki } from './test-support/throwaway-pki';

const API_KEY = 'app-client-id';
const API_SECRET = 'app-client-secret';
const SHOP = 'demo-shop.myshopify.com';
const CALLBACK = 'https://purple.test/auth/callback';

const shopify = shopifyApi({
  apiKey: API_KEY,
  apiSecretKey: API_SECRET,
  apiVersion: ApiVersion.October25,
  hostName: 'purple.test',
  isEmbeddedApp: false,
  logger: { level: 0 },
});

/** Shopify's documented algorithm, written out independently of the simulator. */
function expectedHmac(query: URLSearchParams): string {
  const message = [...query.entries()]
    .filter(([key]) => key !== 'hmac' && key !== 'signature')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return createHmac('sha256', API_SECRET).update(message).digest('hex');
}

let sim: ShopifySimulator;

beforeAll(async () => {
  const pki = createThrowawayPki();
  sim = await startShopifySimulator({
    apiKey: API_KEY,
    apiSecret: API_SECRET,
    apiVersion: '2026-10',
    // No green needed for OAuth; the URL is never called here.
    green: {
      url: 'https://127.0.0.1:9',
      ca: pki.caCert,
      clientCert: pki.clientCert,
      clientKey: pki.clientKey,
    },
    appUrl: 'https://purple.test/auth/install?from=admin',
  });
});

afterAll(async () => {
  await sim.close();
});

async function authorize(state: string): Promise<URL> {
  const authorizeUrl = `${sim.url}/admin/oauth/authorize?${new URLSearchParams({
    client_id: API_KEY,
    scope: 'write_payment_gateways,write_payment_sessions',
    redirect_uri: CALLBACK,
    state,
    'grant_options[]': '',
  })}`;
  const grant = await fetch(authorizeUrl);
  expect(grant.status).toBe(200);
  const page = await grant.text();
  expect(page).toContain('Install Solana Pay on Demo Shop?');
  expect(page).toContain('write_payment_sessions');
  // Submit the grant screen's form as the browser would.
  const fields = Object.fromEntries(
    [...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [
      m[1],
      m[2]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"'),
    ]),
  );
  const install = await fetch(`${sim.url}/admin/oauth/authorize`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });
  expect(install.status).toBe(302);
  return new URL(install.headers.get('location')!);
}

async function exchange(body: Record<string, string>): Promise<{ status: number; body: any }> {
  const res = await fetch(`${sim.url}/admin/oauth/access_token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ client_id: API_KEY, client_secret: API_SECRET, ...body }),
  });
  return { status: res.status, body: await res.json() };
}

describe('OAuth authorization-code grant', () => {
  it('redirects to the callback with a correctly signed query', async () => {
    const callback = await authorize('nonce-123');
    expect(`${callback.origin}${callback.pathname}`).toBe(CALLBACK);
    const query = callback.searchParams;
    expect([...query.keys()].sort()).toEqual([
      'code',
      'hmac',
      'host',
      'shop',
      'state',
      'timestamp',
    ]);
    expect(query.get('shop')).toBe(SHOP);
    expect(query.get('state')).toBe('nonce-123');
    expect(Buffer.from(query.get('host')!, 'base64').toString()).toBe(
      'admin.shopify.com/store/demo-shop',
    );
    expect(query.get('hmac')).toBe(expectedHmac(query));
    await expect(shopify.utils.validateHmac(Object.fromEntries(query))).resolves.toBe(true);
    const tampered = Object.fromEntries(query);
    tampered.shop = 'evil-shop.myshopify.com';
    await expect(shopify.utils.validateHmac(tampered)).resolves.toBe(false);
  });

  it('exchanges a code once for an expiring token that works, and rotates refresh tokens', async () => {
    const code = (await authorize('s1')).searchParams.get('code')!;
    const first = await exchange({ code, expiring: '1' });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      access_token: expect.stringMatching(/^shpat_/),
      scope: 'write_payment_gateways,write_payment_sessions',
      expires_in: 3600,
      refresh_token: expect.stringMatching(/^shprt_/),
      refresh_token_expires_in: expect.any(Number),
    });
    expect((await exchange({ code, expiring: '1' })).status).toBe(400);

    const graphql = (accessToken: string) =>
      fetch(`${sim.url}/payments_apps/api/2026-10/graphql.json`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Shopify-Access-Token': accessToken },
        body: JSON.stringify({
          query: 'mutation { paymentsAppConfigure(ready: false) { userErrors { message } } }',
        }),
      });
    expect((await graphql(first.body.access_token)).status).toBe(200);
    expect(sim.mutations().at(-1)?.shop).toBe(SHOP);

    const refreshed = await exchange({
      grant_type: 'refresh_token',
      refresh_token: first.body.refresh_token,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(first.body.refresh_token);
    expect(refreshed.body.access_token).not.toBe(first.body.access_token);
    expect((await graphql(refreshed.body.access_token)).status).toBe(200);
    const reused = await exchange({
      grant_type: 'refresh_token',
      refresh_token: first.body.refresh_token,
    });
    expect(reused.status).toBe(400);
    expect(reused.body.error).toBe('invalid_grant');
  });

  it('issues a non-expiring token when expiring is "0", and refuses a wrong secret', async () => {
    const code = (await authorize('s2')).searchParams.get('code')!;
    const wrong = await fetch(`${sim.url}/admin/oauth/access_token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ client_id: API_KEY, client_secret: 'nope', code }),
    });
    expect(wrong.status).toBe(401);
    const legacy = await exchange({ code, expiring: '0' });
    expect(legacy.status).toBe(200);
    expect(Object.keys(legacy.body).sort()).toEqual(['access_token', 'scope']);
  });

  it('refuses an authorize request for another client id', async () => {
    const res = await fetch(
      `${sim.url}/admin/oauth/authorize?client_id=other&scope=&redirect_uri=${encodeURIComponent(CALLBACK)}&state=x`,
    );
    expect(res.status).toBe(400);
  });
});

describe('admin', () => {
  it('links to the app install URL with a signed shop/timestamp/host query', async () => {
    const home = await (await fetch(`${sim.url}/admin`)).text();
    expect(home).toContain('Install Solana Pay');
    const res = await fetch(`${sim.url}/admin/apps/install?shop=${SHOP}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const target = new URL(res.headers.get('location')!);
    expect(`${target.origin}${target.pathname}`).toBe('https://purple.test/auth/install');
    expect(target.searchParams.get('from')).toBe('admin');
    const signed = new URLSearchParams(target.search);
    signed.delete('from');
    expect(signed.get('shop')).toBe(SHOP);
    expect(Math.abs(Number(signed.get('timestamp')) - Date.now() / 1000)).toBeLessThan(90);
    expect(signed.get('hmac')).toBe(expectedHmac(signed));
    await expect(shopify.utils.validateHmac(Object.fromEntries(signed))).resolves.toBe(true);
  });

  it('shows "Not configured" on the payments settings page before paymentsAppConfigure', async () => {
    const multi = await startShopifySimulator({
      apiKey: API_KEY,
      apiSecret: API_SECRET,
      apiVersion: '2026-10',
      green: { url: 'https://127.0.0.1:9', ca: '', clientCert: '', clientKey: '' },
      shops: ['a-shop.myshopify.com', 'b-shop.myshopify.com'],
    });
    try {
      const page = await (
        await fetch(`${multi.url}/admin/settings/payments?shop=b-shop.myshopify.com`)
      ).text();
      expect(page).toContain('Not configured');
      expect(page).toContain('b-shop.myshopify.com');
    } finally {
      await multi.close();
    }
  });
});
