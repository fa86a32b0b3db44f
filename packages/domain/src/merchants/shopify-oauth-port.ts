/** Why a signed Shopify admin query (install link, OAuth callback) was refused. */
export type SignedQueryFailure = 'invalid-shop' | 'invalid-hmac' | 'stale-timestamp';

/** Result of checking a signed admin query. `shop` is the lower-cased, validated shop domain. */
export type SignedQueryCheck =
  { ok: true; shop: string } | { ok: false; reason: SignedQueryFailure };

/** Tokens from the authorization-code exchange (plaintext: encrypt before storing). */
export interface OAuthTokenGrant {
  accessToken: string;
  /** Comma-separated granted scopes. */
  scope: string;
  accessTokenExpiresAt: Date | null;
  refreshToken: string | null;
  refreshTokenExpiresAt: Date | null;
}

/** Result of the code exchange; expected failures are values. */
export type CodeExchangeResult =
  | { ok: true; grant: OAuthTokenGrant }
  | { ok: false; reason: 'invalid-grant' | 'unavailable'; detail: string };

/** Shopify's side of the OAuth authorization-code grant (specs §A.7). Implemented in `@solpay/adapters`. */
export interface ShopifyOAuthPort {
  /**
   * Checks an admin query: anchored `*.myshopify.com` shop, hex HMAC-SHA256 with the client
   * secret (constant-time), timestamp within ±90 s of `now`.
   */
  verifySignedQuery(query: Record<string, string>, now: Date): SignedQueryCheck;
  /** The grant screen URL (offline token, configured scopes, our callback). */
  authorizeUrl(input: { shop: string; state: string }): string;
  /** Exchanges a verified callback's `code` for an expiring offline token. */
  exchangeCode(input: { shop: string; code: string }): Promise<CodeExchangeResult>;
}
