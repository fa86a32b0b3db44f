/**
 * Install (OAuth against the Shopify simulator) and the portal API, through the real purple
 * gateway of the local stack. "The token endpoint was not called" is proven from the outside:
 * the simulator's authorization codes are single use, so a code the app refused must still be
 * redeemable afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Keypair } from '@solana/web3.js';
import { createTokenCipher } from '@solpay/shopify';
import { LOCAL_DEV_SECRETS } from '@solpay/local';
import { signedQueryString } from '@solpay/testkit';
import { startPaymentHarness, type PaymentHarness } from '../test-support/payment-harness';
import {
  appCredentials,
  cookiesOf,
  grantInstall,
  portal,
  setCookieLine,
  signIn,
  signedInstallQuery,
  type PortalLogin,
} from '../test-support/merchant-harness';

let h: PaymentHarness;
let login: PortalLogin;

const purple = () => h.stack.urls.purple;

/** Redeems `code` at the simulator's token endpoint: 200 only if nobody redeemed it before. */
async function redeem(code: string): Promise<number> {
  const { apiKey, apiSecret } = appCredentials(h);
  const response = await fetch(`${h.stack.simulator!.url}/admin/oauth/access_token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: apiKey, client_secret: apiSecret, code }),
  });
  return response.status;
}

/** The callback query re-signed with `changes` applied. */
function resigned(callbackUrl: URL, changes: Record<string, string>): string {
  const params = Object.fromEntries(callbackUrl.searchParams);
  delete params.hmac;
  return signedQueryString({ ...params, ...changes }, appCredentials(h).apiSecret);
}

beforeAll(async () => {
  h = await startPaymentHarness({ env: process.env, workers: [] });
  login = await signIn(h);
}, 90_000);

afterAll(async () => {
  await h?.close();
});

describe('install (OAuth)', () => {
  it('redirects a valid install to the grant screen with a signed, HttpOnly state cookie', async () => {
    const reply = await h.request(
      `${purple()}/auth/install?${signedInstallQuery(h, h.stack.demoShop.domain)}`,
    );
    expect(reply.status).toBe(302);
    const location = new URL(String(reply.headers.location));
    expect(location.origin).toBe(h.stack.simulator!.url);
    expect(location.pathname).toBe('/admin/oauth/authorize');
    expect(location.searchParams.get('redirect_uri')).toBe(`${purple()}/auth/callback`);
    expect(location.searchParams.get('scope')).toBe(
      'write_payment_gateways,write_payment_sessions',
    );
    expect(location.searchParams.getAll('grant_options[]')).toEqual(['']);
    const state = location.searchParams.get('state') ?? '';
    expect(state).toMatch(/^[0-9a-f]{64}$/);
    expect(setCookieLine(reply, 'oauth_state')).toMatch(
      /^oauth_state=[0-9a-f]{64}\.[\w-]+; Path=\/auth; Max-Age=600; HttpOnly; Secure; SameSite=Lax$/,
    );
    const stored = await h.stack.prisma.oAuthState.findUnique({ where: { nonce: state } });
    expect(stored).toMatchObject({ shopDomain: h.stack.demoShop.domain, consumedAt: null });
  });

  it.each([
    ['a bad hmac', (q: string) => q.replace(/hmac=[0-9a-f]+/, `hmac=${'0'.repeat(64)}`), 401],
    ['no hmac', (q: string) => q.replace(/&?hmac=[0-9a-f]+/, ''), 401],
    ['a 10 minutes old timestamp', () => signedInstallQuery(h, h.stack.demoShop.domain, 600), 401],
    ['shop=evil.com', () => signedInstallQuery(h, 'evil.com'), 400],
    ['an unanchored shop', () => signedInstallQuery(h, 'evil.com?x=a.myshopify.com'), 400],
  ])('refuses an install with %s and issues no state', async (_what, query, status) => {
    const before = await h.stack.prisma.oAuthState.count();
    const reply = await h.request(
      `${purple()}/auth/install?${query(signedInstallQuery(h, h.stack.demoShop.domain))}`,
    );
    expect(reply.status).toBe(status);
    expect(reply.headers.location).toBeUndefined();
    expect(reply.headers['set-cookie']).toBeUndefined();
    expect(reply.json).toEqual({ code: expect.any(String), message: expect.any(String) });
    expect(await h.stack.prisma.oAuthState.count()).toBe(before);
  });

  it.each([
    [
      'a bad hmac',
      (g: Awaited<ReturnType<typeof grantInstall>>) => ({
        query: g.callbackUrl.search.slice(1).replace(/hmac=[0-9a-f]+/, `hmac=${'f'.repeat(64)}`),
        cookie: g.stateCookie,
      }),
      401,
      /signature/,
    ],
    [
      'a stale timestamp',
      (g: Awaited<ReturnType<typeof grantInstall>>) => ({
        query: resigned(g.callbackUrl, { timestamp: String(Math.floor(Date.now() / 1000) - 600) }),
        cookie: g.stateCookie,
      }),
      401,
      /too old/,
    ],
    [
      'an unanchored shop',
      (g: Awaited<ReturnType<typeof grantInstall>>) => ({
        query: resigned(g.callbackUrl, { shop: 'evil.com?x=a.myshopify.com' }),
        cookie: g.stateCookie,
      }),
      400,
      /shop/,
    ],
    [
      'no state cookie',
      (g: Awaited<ReturnType<typeof grantInstall>>) => ({
        query: g.callbackUrl.search.slice(1),
        cookie: undefined,
      }),
      403,
      /state cookie is missing/,
    ],
    [
      'a forged state cookie',
      (g: Awaited<ReturnType<typeof grantInstall>>) => ({
        query: g.callbackUrl.search.slice(1),
        cookie: `${g.callbackUrl.searchParams.get('state')}.forged`,
      }),
      403,
      /state cookie is missing/,
    ],
    [
      'a state that differs from the cookie',
      (g: Awaited<ReturnType<typeof grantInstall>>) => ({
        query: resigned(g.callbackUrl, { state: 'a'.repeat(64) }),
        cookie: g.stateCookie,
      }),
      403,
      /does not match/,
    ],
  ])(
    'refuses a callback with %s without calling the token endpoint',
    async (_what, tamper, status, message) => {
      const granted = await grantInstall(h);
      const { query, cookie } = tamper(granted);
      const reply = await h.request(`${purple()}/auth/callback?${query}`, {
        headers: cookie === undefined ? {} : { cookie: `oauth_state=${cookie}` },
      });
      expect(reply.status).toBe(status);
      expect(String(reply.json?.message)).toMatch(message);
      expect(cookiesOf(reply).portal_session).toBeUndefined();
      expect(await redeem(granted.code)).toBe(200);
    },
  );

  it('refuses the state cookie of another install (state mismatch) without calling the token endpoint', async () => {
    const first = await grantInstall(h);
    const second = await grantInstall(h);
    const reply = await h.request(`${purple()}/auth/callback${first.callbackUrl.search}`, {
      headers: { cookie: `oauth_state=${second.stateCookie}` },
    });
    expect(reply.status).toBe(403);
    expect(await redeem(first.code)).toBe(200);
  });

  it('installs: stores the tokens encrypted, signs the merchant in, and refuses a replay', async () => {
    const granted = await grantInstall(h);
    const reply = await h.request(granted.callbackUrl.toString(), {
      headers: { cookie: `oauth_state=${granted.stateCookie}` },
    });
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe(`${h.stack.urls.portal}/`);
    expect(setCookieLine(reply, 'portal_session')).toMatch(
      /^portal_session=[0-9a-f-]{36}\.[\w-]+; Path=\/portal; Max-Age=43200; HttpOnly; Secure; SameSite=Lax$/,
    );
    expect(setCookieLine(reply, 'oauth_state')).toMatch(/^oauth_state=; Path=\/auth; Max-Age=0;/);
    // The app redeemed the code (single use), so it is gone now.
    expect(await redeem(granted.code)).toBe(400);

    const merchant = await h.stack.prisma.merchant.findUniqueOrThrow({
      where: { shopDomain: h.stack.demoShop.domain },
    });
    expect(merchant.installState).toBe('INSTALLED');
    expect(merchant.payoutWallet).toBe(h.stack.chain!.merchant.publicKey.toBase58());
    expect(merchant.accessTokenEnc).not.toContain('shpat_');
    expect(merchant.refreshTokenEnc).not.toContain('shprt_');
    expect(merchant.accessTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now());
    const cipher = createTokenCipher(LOCAL_DEV_SECRETS.TOKEN_ENCRYPTION_KEY);
    expect(cipher.decrypt(merchant.accessTokenEnc!, merchant.shopDomain)).toMatch(/^shpat_/);
    expect(cipher.decrypt(merchant.refreshTokenEnc!, merchant.shopDomain)).toMatch(/^shprt_/);

    const replay = await h.request(granted.callbackUrl.toString(), {
      headers: { cookie: `oauth_state=${granted.stateCookie}` },
    });
    expect(replay.status).toBe(403);
  });
});

describe('portal API', () => {
  it('answers the session with the merchant and a CSRF token, with CORS for the portal', async () => {
    const reply = await portal(h, login, '/portal/session');
    expect(reply.status).toBe(200);
    expect(reply.headers['access-control-allow-origin']).toBe(h.stack.urls.portal);
    expect(reply.headers['access-control-allow-credentials']).toBe('true');
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.json).toEqual({
      merchant: {
        shop: h.stack.demoShop.domain,
        displayName: 'Demo Shop',
        payoutWallet: h.stack.chain!.merchant.publicKey.toBase58(),
        configured: true,
        mint: h.stack.chain!.mint.toBase58(),
        cluster: 'localnet',
        settlementToken: 'USDC',
      },
      settlementTokens: expect.arrayContaining([
        expect.objectContaining({ symbol: 'USDC', currency: 'USD', decimals: 6 }),
        expect.objectContaining({ symbol: 'EURC', currency: 'EUR', decimals: 6 }),
      ]),
      csrfToken: login.csrfToken,
    });
    const preflight = await h.request(`${purple()}/portal/settings/wallet`, {
      method: 'OPTIONS',
      headers: {
        origin: h.stack.urls.portal,
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'content-type,x-csrf-token',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(h.stack.urls.portal);
    expect(preflight.headers['access-control-allow-headers']).toBe('content-type,x-csrf-token');
  });

  it('refuses requests without a valid session (401)', async () => {
    const none = await h.request(`${purple()}/portal/session`);
    expect(none.status).toBe(401);
    const forged = await h.request(`${purple()}/portal/session`, {
      headers: { cookie: `portal_session=${randomUUID()}.forged` },
    });
    expect(forged.status).toBe(401);
  });

  it('refuses state changes without the CSRF token (403) and changes nothing', async () => {
    const wallet = Keypair.generate().publicKey.toBase58();
    const missing = await portal(h, login, '/portal/settings/wallet', {
      method: 'PUT',
      body: { payoutWallet: wallet },
      csrf: false,
    });
    expect(missing.status).toBe(403);
    const wrong = await portal(
      h,
      { ...login, csrfToken: 'x'.repeat(43) },
      '/portal/settings/wallet',
      {
        method: 'PUT',
        body: { payoutWallet: wallet },
      },
    );
    expect(wrong.status).toBe(403);
    const merchant = await h.stack.prisma.merchant.findUniqueOrThrow({
      where: { shopDomain: h.stack.demoShop.domain },
    });
    expect(merchant.payoutWallet).toBe(h.stack.chain!.merchant.publicKey.toBase58());
  });

  it("answers 404 for another merchant's refund and never lists its payments", async () => {
    const other = await h.stack.prisma.merchant.create({
      data: {
        shopDomain: `other-${randomUUID().slice(0, 8)}.myshopify.com`,
        payoutWallet: Keypair.generate().publicKey.toBase58(),
      },
    });
    const payment = await h.stack.prisma.paymentRecord.create({
      data: {
        merchantId: other.id,
        shopifyId: `other-pay-${randomUUID()}`,
        gid: 'gid://shopify/PaymentSession/other',
        group: 'g',
        amount: '5.00',
        currency: 'USD',
        tokenAmount: 5_000_000n,
        tokenMint: h.stack.chain!.mint.toBase58(),
        tokenDecimals: 6,
        recipientWallet: other.payoutWallet!,
        referenceKey: Keypair.generate().publicKey.toBase58(),
        test: true,
        cancelUrl: 'https://other.example/cancel',
        apiVersion: '2026-10',
        expiresAt: new Date(Date.now() + 3600_000),
      },
    });
    const refund = await h.stack.prisma.refundRecord.create({
      data: {
        merchantId: other.id,
        shopifyId: `other-refund-${randomUUID()}`,
        gid: 'gid://shopify/RefundSession/other',
        shopifyPaymentId: payment.shopifyId,
        paymentId: payment.id,
        amount: '1.00',
        currency: 'USD',
        tokenAmount: 1_000_000n,
        tokenMint: h.stack.chain!.mint.toBase58(),
        tokenDecimals: 6,
        recipientWallet: Keypair.generate().publicKey.toBase58(),
        referenceKey: Keypair.generate().publicKey.toBase58(),
        test: true,
        apiVersion: '2026-10',
      },
    });
    const view = await portal(h, login, `/portal/refunds/${refund.id}`);
    expect(view.status).toBe(404);
    const reject = await portal(h, login, `/portal/refunds/${refund.id}/reject`, {
      method: 'POST',
      body: { reason: 'not mine' },
    });
    expect(reject.status).toBe(404);
    expect(
      (await h.stack.prisma.refundRecord.findUniqueOrThrow({ where: { id: refund.id } })).status,
    ).toBe('OPEN');
    const payments = await portal(h, login, '/portal/payments?limit=100');
    expect(payments.status).toBe(200);
    const ids = (payments.json?.items as Array<{ id: string }>).map((item) => item.id);
    expect(ids).not.toContain(payment.id);
    const refunds = await portal(h, login, '/portal/refunds?state=open');
    expect((refunds.json?.items as Array<{ id: string }>).map((item) => item.id)).not.toContain(
      refund.id,
    );
  });

  it('validates the payout wallet and warns when it has no USDC account yet', async () => {
    const put = (payoutWallet: string) =>
      portal(h, login, '/portal/settings/wallet', { method: 'PUT', body: { payoutWallet } });
    expect((await put('not-a-key')).status).toBe(400);
    expect((await put('1111111111111111111111111111111')).status).toBe(400);
    const premint = await put('FSxJ85FXVsXSr51SeWf9ciJWTcRnqKFSmBgRDeL3KyWw');
    expect(premint.status).toBe(422);
    expect((await put(h.stack.chain!.mint.toBase58())).status).toBe(422);

    const fresh = Keypair.generate().publicKey.toBase58();
    const warned = await put(fresh);
    expect(warned.status).toBe(200);
    expect(warned.json).toEqual({
      payoutWallet: fresh,
      warning: expect.stringMatching(/no USDC account/),
    });

    const merchantWallet = h.stack.chain!.merchant.publicKey.toBase58();
    const ok = await put(merchantWallet);
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ payoutWallet: merchantWallet });
  });

  it('activates once: the seeded shop is already configured, so activating again (twice at once) queues and sends nothing new', async () => {
    const before = h.stack
      .simulator!.mutations()
      .filter((m) => m.mutation === 'paymentsAppConfigure');
    expect(before.length).toBeGreaterThanOrEqual(1);
    const noTerms = await portal(h, login, '/portal/settings/configure', {
      method: 'POST',
      body: { acceptTerms: false },
    });
    expect(noTerms.status).toBe(400);
    const replies = await Promise.all(
      [1, 2].map(() =>
        portal(h, login, '/portal/settings/configure', {
          method: 'POST',
          body: { acceptTerms: true },
        }),
      ),
    );
    for (const reply of replies) {
      expect(reply.status).toBe(200);
      expect(reply.json).toEqual({
        configured: true,
        returnUrl: `${h.stack.simulator!.url}/admin/settings/payments`,
      });
    }
    // Sign-ins earlier in this file are not re-installs: the seed's configure still stands.
    const rows = await h.stack.prisma.shopifyMutation.findMany({
      where: { merchantId: h.stack.demoShop.merchantId, kind: 'PAYMENTS_APP_CONFIGURE' },
    });
    expect(rows).toHaveLength(1);
    expect(
      h.stack.simulator!.mutations().filter((m) => m.mutation === 'paymentsAppConfigure'),
    ).toHaveLength(before.length);
    expect(h.stack.simulator!.configuration(h.stack.demoShop.domain)).toMatchObject({
      externalHandle: 'demo-shop',
      ready: true,
    });
  });

  it('lists payments newest first with cursor pagination and rejects a bad cursor', async () => {
    const first = await portal(h, login, '/portal/payments?limit=1');
    expect(first.status).toBe(200);
    expect(Array.isArray(first.json?.items)).toBe(true);
    expect((await portal(h, login, '/portal/payments?cursor=bogus')).status).toBe(400);
    expect((await portal(h, login, '/portal/payments?status=nope')).status).toBe(400);
  });

  it('logs out: the session is revoked and the cookie cleared', async () => {
    const own = await signIn(h);
    const out = await portal(h, own, '/portal/logout', { method: 'POST' });
    expect(out.status).toBe(200);
    expect(setCookieLine(out, 'portal_session')).toMatch(
      /^portal_session=; Path=\/portal; Max-Age=0;/,
    );
    expect((await portal(h, own, '/portal/session')).status).toBe(401);
  });
});
