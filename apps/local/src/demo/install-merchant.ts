import type { createHttpsCaller } from '../measured/https-call';
import { cookiesOf, createPortalClient, type PortalClient } from './portal-client';

/** What {@link installMerchant} needs. */
export interface InstallInput {
  /** The Shopify simulator's origin (plain HTTP). */
  shopifyUrl: string;
  shop: string;
  purple: ReturnType<typeof createHttpsCaller>;
  portalOrigin: string;
  say: (line: string) => void;
}

/**
 * Installs the app the way a merchant's browser does: the simulator admin's install link →
 * purple `/auth/install` (signed state cookie) → the simulator's grant screen → "Install" →
 * purple `/auth/callback` (code exchanged for tokens, portal session cookie) → the portal
 * session (CSRF token). Returns the signed-in portal API.
 */
export async function installMerchant(input: InstallInput): Promise<PortalClient> {
  const { say } = input;
  const link = await fetch(`${input.shopifyUrl}/admin/apps/install?shop=${input.shop}`, {
    redirect: 'manual',
  });
  const installUrl = link.headers.get('location');
  if (link.status !== 302 || !installUrl) throw new Error(`install link answered ${link.status}`);
  const install = await input.purple.call({ method: 'GET', path: installUrl });
  const stateCookie = cookiesOf(install).oauth_state;
  const authorizeUrl = install.headers.location;
  if (install.status !== 302 || !stateCookie || typeof authorizeUrl !== 'string') {
    throw new Error(`/auth/install answered ${install.status}: ${JSON.stringify(install.body)}`);
  }
  const authorize = new URL(authorizeUrl);
  say(`app asked for scopes ${authorize.searchParams.get('scope')} (state cookie set)`);
  const screen = await fetch(authorize);
  if (screen.status !== 200) throw new Error(`grant screen answered ${screen.status}`);
  const granted = await fetch(`${input.shopifyUrl}/admin/oauth/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: authorize.searchParams.get('client_id') ?? '',
      scope: authorize.searchParams.get('scope') ?? '',
      redirect_uri: authorize.searchParams.get('redirect_uri') ?? '',
      state: authorize.searchParams.get('state') ?? '',
      shop: input.shop,
    }).toString(),
    redirect: 'manual',
  });
  const callbackUrl = granted.headers.get('location');
  if (granted.status !== 302 || !callbackUrl) throw new Error(`grant answered ${granted.status}`);
  say('merchant clicked "Install" on the Shopify grant screen');
  const callback = await input.purple.call({
    method: 'GET',
    path: callbackUrl,
    headers: { cookie: `oauth_state=${stateCookie}` },
  });
  const session = cookiesOf(callback).portal_session;
  if (callback.status !== 302 || !session) {
    throw new Error(`/auth/callback answered ${callback.status}: ${JSON.stringify(callback.body)}`);
  }
  say('code exchanged for an offline token (stored encrypted); merchant signed in to the portal');
  const cookie = `portal_session=${session}`;
  const me = await input.purple.call({
    method: 'GET',
    path: '/portal/session',
    headers: { cookie, origin: input.portalOrigin },
  });
  const csrfToken = (me.body as { csrfToken?: unknown } | null)?.csrfToken;
  if (me.status !== 200 || typeof csrfToken !== 'string') {
    throw new Error(`/portal/session answered ${me.status}`);
  }
  return createPortalClient(input.purple, input.portalOrigin, { cookie, csrfToken });
}
