/** Result of exchanging a refresh token (shape of `@solpay/shopify`'s `refreshAccessToken`). */
export type RefreshAccessTokenResult =
  | {
      ok: true;
      grant: {
        accessToken: string;
        expiresAt?: Date;
        refreshToken?: string;
        refreshTokenExpiresAt?: Date;
      };
    }
  | { ok: false; reason: string; status?: number; detail?: string };

/**
 * Exchanges a shop's refresh token for a new access token. The caller binds the app's key,
 * secret, admin origin, fetch and timeout, e.g.
 * `({ shop, refreshToken }) => refreshAccessToken({ shop, refreshToken, apiKey, apiSecret, adminOrigin, timeoutMs })`.
 */
export type RefreshAccessToken = (input: {
  shop: string;
  refreshToken: string;
}) => Promise<RefreshAccessTokenResult>;
