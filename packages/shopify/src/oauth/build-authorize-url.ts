import { shopifyOrigin } from '../shop/shopify-origin';

/** Input of {@link buildAuthorizeUrl}. */
export interface BuildAuthorizeUrlInput {
  /** Validated `*.myshopify.com` domain. */
  shop: string;
  /** The app's client id (`SHOPIFY_API_KEY`). */
  apiKey: string;
  /** Access scopes, e.g. `['write_payment_gateways', 'write_payment_sessions']`. */
  scopes: readonly string[] | string;
  /** Absolute callback URL registered for the app. */
  redirectUri: string;
  /** Random nonce bound to the browser/shop; verified on the callback. */
  state: string;
  /** See `shopifyOrigin`. */
  adminOrigin?: string | undefined;
}

/**
 * The URL to redirect a merchant to for the authorization-code grant:
 * `{origin}/admin/oauth/authorize?client_id&scope&redirect_uri&state&grant_options[]=`.
 * The empty `grant_options[]` asks for an offline (shop-wide) token.
 */
export function buildAuthorizeUrl(input: BuildAuthorizeUrlInput): string {
  const scope = typeof input.scopes === 'string' ? input.scopes : input.scopes.join(',');
  const params = new URLSearchParams();
  params.append('client_id', input.apiKey);
  params.append('scope', scope);
  params.append('redirect_uri', input.redirectUri);
  params.append('state', input.state);
  params.append('grant_options[]', '');
  const origin = shopifyOrigin({ shop: input.shop, adminOrigin: input.adminOrigin });
  return `${origin}/admin/oauth/authorize?${params.toString().replace(/\+/g, '%20')}`;
}
