import { fetchTransaction } from '@solana/pay';
import { signedQueryString } from '@solpay/testkit';
import { until, type PaymentHarness, type Reply } from './payment-harness';

/** `name=value` pairs from `Set-Cookie` headers. */
export function cookiesOf(reply: Reply): Record<string, string> {
  const header = reply.headers['set-cookie'];
  const lines = Array.isArray(header) ? header : header ? [header] : [];
  const jar: Record<string, string> = {};
  for (const line of lines) {
    const pair = line.split(';')[0] ?? '';
    const eq = pair.indexOf('=');
    if (eq > 0) jar[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return jar;
}

/** The raw `Set-Cookie` line of cookie `name`. */
export function setCookieLine(reply: Reply, name: string): string | undefined {
  const header = reply.headers['set-cookie'];
  const lines = Array.isArray(header) ? header : header ? [header] : [];
  return lines.find((line) => line.startsWith(`${name}=`));
}

/** What a merchant's browser holds after the grant screen: the callback URL and the state cookie. */
export interface GrantedCallback {
  callbackUrl: URL;
  stateCookie: string;
  code: string;
}

/** The app's Shopify credentials (dev values of the local stack). */
export function appCredentials(h: PaymentHarness): { apiKey: string; apiSecret: string } {
  const { apiKey, apiSecret } = h.stack.stackFile.contents.shopify;
  return { apiKey, apiSecret };
}

/** A correctly signed install query for `shop` (optionally `ageSeconds` old). */
export function signedInstallQuery(h: PaymentHarness, shop: string, ageSeconds = 0): string {
  return signedQueryString(
    {
      host: Buffer.from(`admin.shopify.com/store/${shop.split('.')[0]}`).toString('base64'),
      shop,
      timestamp: String(Math.floor(Date.now() / 1000) - ageSeconds),
    },
    appCredentials(h).apiSecret,
  );
}

/**
 * Drives the install like a browser up to (not including) the callback: the simulator admin's
 * install link → purple `/auth/install` (state cookie) → the simulator's grant screen → "Install".
 */
export async function grantInstall(h: PaymentHarness): Promise<GrantedCallback> {
  const sim = h.stack.simulator!;
  const link = await fetch(`${sim.url}/admin/apps/install?shop=${h.stack.demoShop.domain}`, {
    redirect: 'manual',
  });
  const installUrl = link.headers.get('location');
  if (link.status !== 302 || !installUrl) throw new Error(`install link answered ${link.status}`);
  const install = await h.request(installUrl);
  if (install.status !== 302)
    throw new Error(`install answered ${install.status}: ${install.text}`);
  const stateCookie = cookiesOf(install).oauth_state;
  if (!stateCookie) throw new Error('no oauth_state cookie');
  const authorize = new URL(String(install.headers.location));
  const screen = await fetch(authorize);
  if (screen.status !== 200 || !(await screen.text()).includes('<form')) {
    throw new Error(`grant screen answered ${screen.status}`);
  }
  const form = new URLSearchParams({
    client_id: authorize.searchParams.get('client_id') ?? '',
    scope: authorize.searchParams.get('scope') ?? '',
    redirect_uri: authorize.searchParams.get('redirect_uri') ?? '',
    state: authorize.searchParams.get('state') ?? '',
    shop: h.stack.demoShop.domain,
  });
  const granted = await fetch(`${sim.url}/admin/oauth/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    redirect: 'manual',
  });
  const callback = granted.headers.get('location');
  if (granted.status !== 302 || !callback) throw new Error(`grant answered ${granted.status}`);
  const callbackUrl = new URL(callback);
  return { callbackUrl, stateCookie, code: callbackUrl.searchParams.get('code') ?? '' };
}

/** A signed-in portal session: the cookie header value and the CSRF token. */
export interface PortalLogin {
  cookie: string;
  csrfToken: string;
}

/** Installs (OAuth round trip through the gateway) and reads the portal session. */
export async function signIn(h: PaymentHarness): Promise<PortalLogin> {
  const granted = await grantInstall(h);
  const callback = await h.request(granted.callbackUrl.toString(), {
    headers: { cookie: `oauth_state=${granted.stateCookie}` },
  });
  if (callback.status !== 302)
    throw new Error(`callback answered ${callback.status}: ${callback.text}`);
  const session = cookiesOf(callback).portal_session;
  if (!session) throw new Error('no portal_session cookie');
  const cookie = `portal_session=${session}`;
  const me = await h.request(`${h.stack.urls.purple}/portal/session`, { headers: { cookie } });
  return { cookie, csrfToken: String(me.json?.csrfToken) };
}

/** Calls the portal API as the signed-in merchant (CSRF header included unless `csrf: false`). */
export function portal(
  h: PaymentHarness,
  login: PortalLogin,
  path: string,
  init: { method?: string; body?: unknown; csrf?: boolean } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { cookie: login.cookie, origin: h.stack.urls.portal };
  if (init.csrf !== false) headers['x-csrf-token'] = login.csrfToken;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  return h.request(`${h.stack.urls.purple}${path}`, {
    method: init.method ?? 'GET',
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

/** Places an order, pays it with the local buyer wallet and waits until the payment is PAID. */
export async function placePaidOrder(
  h: PaymentHarness,
  amount: string,
): Promise<{ orderId: string; paymentId: string; signature: string }> {
  const chain = h.stack.chain!;
  const { paymentId, gid } = await h.placeOrder(amount);
  const link = `${h.stack.urls.purple}/tx/payment/${paymentId}`;
  const transaction = await fetchTransaction(h.connection, chain.buyer.publicKey, link);
  const signature = await h.sendAndFinalize(transaction, [chain.buyer]);
  await h.webhook([await h.rawTransaction(signature)]);
  await until(async () => {
    const row = await h.stack.prisma.paymentRecord.findUnique({ where: { id: paymentId } });
    return row?.status === 'PAID' ? true : undefined;
  }, 'the payment to be PAID');
  const order = h.stack
    .simulator!.orders()
    .find((o) => o.paymentSessions.some((s) => s.gid === gid));
  if (!order) throw new Error('order not found in the simulator');
  return { orderId: order.id, paymentId, signature };
}

/** The mutations named `mutation` for the session `gid` that the Shopify simulator answered with success. */
export function successfulMutations(h: PaymentHarness, mutation: string, gid: string) {
  return h.stack
    .simulator!.mutations()
    .filter(
      (m) => m.mutation === mutation && m.variables.id === gid && m.answeredWith === 'success',
    );
}
