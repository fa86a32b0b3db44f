import type { ShopifyOAuthPort } from '@solpay/domain';
import {
  buildAuthorizeUrl,
  exchangeAuthorizationCode,
  isTimestampFresh,
  normalizeShopDomain,
  verifyOAuthQueryHmac,
  type FetchLike,
} from '@solpay/shopify';

/** Options of {@link createShopifyOAuth}. */
export interface ShopifyOAuthOptions {
  apiKey: string;
  apiSecret: string;
  scopes: readonly string[];
  /** `${PURPLE_ORIGIN}/auth/callback`, registered with the app. */
  redirectUri: string;
  /** `SHOPIFY_ADMIN_ORIGIN` (simulator, tests); unset = `https://{shop}`. */
  adminOrigin?: string | undefined;
  timeoutMs: number;
  /** Defaults to the global `fetch`. */
  fetch?: FetchLike | undefined;
}

/** {@link ShopifyOAuthPort} over `@solpay/shopify`'s OAuth helpers. */
export function createShopifyOAuth(options: ShopifyOAuthOptions): ShopifyOAuthPort {
  return {
    verifySignedQuery(query, now) {
      const shop = normalizeShopDomain(query.shop ?? '');
      if (shop === null) return { ok: false, reason: 'invalid-shop' };
      if (!verifyOAuthQueryHmac(query, options.apiSecret))
        return { ok: false, reason: 'invalid-hmac' };
      if (!isTimestampFresh(query.timestamp, now)) return { ok: false, reason: 'stale-timestamp' };
      return { ok: true, shop };
    },

    authorizeUrl({ shop, state }) {
      return buildAuthorizeUrl({
        shop,
        state,
        apiKey: options.apiKey,
        scopes: options.scopes,
        redirectUri: options.redirectUri,
        adminOrigin: options.adminOrigin,
      });
    },

    async exchangeCode({ shop, code }) {
      const result = await exchangeAuthorizationCode({
        shop,
        code,
        apiKey: options.apiKey,
        apiSecret: options.apiSecret,
        adminOrigin: options.adminOrigin,
        timeoutMs: options.timeoutMs,
        fetch: options.fetch,
      });
      if (!result.ok) {
        const detail = [result.reason, result.status, result.detail]
          .filter((part) => part !== undefined)
          .join(' ');
        return {
          ok: false,
          reason: result.reason === 'invalid-grant' ? 'invalid-grant' : 'unavailable',
          detail,
        };
      }
      const { grant } = result;
      return {
        ok: true,
        grant: {
          accessToken: grant.accessToken,
          scope: grant.scope,
          accessTokenExpiresAt: grant.expiresAt ?? null,
          refreshToken: grant.refreshToken ?? null,
          refreshTokenExpiresAt: grant.refreshTokenExpiresAt ?? null,
        },
      };
    },
  };
}
