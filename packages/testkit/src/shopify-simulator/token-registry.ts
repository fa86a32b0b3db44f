import { randomToken } from './random-token';

/** Refresh tokens live 90 days, as Shopify documents for expiring offline tokens. */
const REFRESH_TOKEN_TTL_SECONDS = 90 * 24 * 3600;
/** Authorization codes are single use and short lived. */
const CODE_TTL_SECONDS = 600;

/** Tokens handed to the app by the code exchange, a refresh, or `issueAccessToken`. */
export interface IssuedTokens {
  shop: string;
  scope: string;
  accessToken: string;
  /** Seconds until the access token expires; absent for non-expiring tokens. */
  expiresIn?: number;
  refreshToken?: string;
  refreshTokenExpiresIn?: number;
}

/** Access tokens, refresh tokens and authorization codes the simulator issued. */
export interface TokenRegistry {
  /** Issues a new access token (and, when `expiring`, a refresh token) for a shop. */
  issue(shop: string, scope: string, expiring: boolean): IssuedTokens;
  /** The shop a still-valid access token belongs to, or `null`. */
  shopForAccessToken(accessToken: string): string | null;
  /** Exchanges a refresh token for new tokens; the old refresh token stops working. */
  refresh(refreshToken: string): IssuedTokens | null;
  /** Creates a single-use authorization code for the OAuth callback. */
  createCode(shop: string, scope: string): string;
  /** Redeems an authorization code once; `null` when unknown, used or expired. */
  redeemCode(code: string): { shop: string; scope: string } | null;
  /** Every issued token and code, to persist across a restart. */
  exportState(): TokenRegistryState;
  /** Replaces the registry's tokens and codes with saved ones. */
  importState(saved: TokenRegistryState): void;
}

/** The registry's contents as plain data (see {@link TokenRegistry.exportState}). */
export interface TokenRegistryState {
  accessTokens: Array<[string, { shop: string; expiresAt: number | null }]>;
  refreshTokens: Array<[string, { shop: string; scope: string; expiresAt: number }]>;
  codes: Array<[string, { shop: string; scope: string; expiresAt: number }]>;
}

/** Creates an in-memory {@link TokenRegistry}; `now` returns epoch milliseconds. */
export function createTokenRegistry(deps: {
  now: () => number;
  tokenTtlSeconds: number;
}): TokenRegistry {
  const accessTokens = new Map<string, { shop: string; expiresAt: number | null }>();
  const refreshTokens = new Map<string, { shop: string; scope: string; expiresAt: number }>();
  const codes = new Map<string, { shop: string; scope: string; expiresAt: number }>();

  const issue = (shop: string, scope: string, expiring: boolean): IssuedTokens => {
    const accessToken = `shpat_${randomToken(32)}`;
    if (!expiring) {
      accessTokens.set(accessToken, { shop, expiresAt: null });
      return { shop, scope, accessToken };
    }
    const refreshToken = `shprt_${randomToken(32)}`;
    accessTokens.set(accessToken, { shop, expiresAt: deps.now() + deps.tokenTtlSeconds * 1000 });
    refreshTokens.set(refreshToken, {
      shop,
      scope,
      expiresAt: deps.now() + REFRESH_TOKEN_TTL_SECONDS * 1000,
    });
    return {
      shop,
      scope,
      accessToken,
      expiresIn: deps.tokenTtlSeconds,
      refreshToken,
      refreshTokenExpiresIn: REFRESH_TOKEN_TTL_SECONDS,
    };
  };

  return {
    issue,
    shopForAccessToken(accessToken) {
      const entry = accessTokens.get(accessToken);
      if (!entry) return null;
      if (entry.expiresAt !== null && entry.expiresAt <= deps.now()) return null;
      return entry.shop;
    },
    refresh(refreshToken) {
      const entry = refreshTokens.get(refreshToken);
      if (!entry) return null;
      refreshTokens.delete(refreshToken);
      if (entry.expiresAt <= deps.now()) return null;
      return issue(entry.shop, entry.scope, true);
    },
    createCode(shop, scope) {
      const code = randomToken(32);
      codes.set(code, { shop, scope, expiresAt: deps.now() + CODE_TTL_SECONDS * 1000 });
      return code;
    },
    exportState() {
      return {
        accessTokens: [...accessTokens],
        refreshTokens: [...refreshTokens],
        codes: [...codes],
      };
    },
    importState(saved) {
      for (const [map, entries] of [
        [accessTokens, saved.accessTokens],
        [refreshTokens, saved.refreshTokens],
        [codes, saved.codes],
      ] as const) {
        map.clear();
        for (const [key, value] of entries) (map as Map<string, typeof value>).set(key, value);
      }
    },
    redeemCode(code) {
      const entry = codes.get(code);
      if (!entry) return null;
      codes.delete(code);
      return entry.expiresAt > deps.now() ? { shop: entry.shop, scope: entry.scope } : null;
    },
  };
}
