import type { AccessTokenResult } from './access-token-grant';
import { requestAccessToken, type AccessTokenRequestOptions } from './request-access-token';

/** Input of {@link refreshAccessToken}. */
export interface RefreshAccessTokenInput extends AccessTokenRequestOptions {
  apiKey: string;
  apiSecret: string;
  /** The current refresh token; it is consumed by this call. */
  refreshToken: string;
}

/**
 * Refreshes an expiring offline token: `POST {origin}/admin/oauth/access_token` with JSON
 * `{ client_id, client_secret, grant_type: 'refresh_token', refresh_token }`.
 *
 * The refresh token **rotates**: the returned grant carries a new `refreshToken` that must
 * replace the old one atomically (compare-and-set on the stored row), because the old one
 * stops working. `invalid-grant` means the merchant must re-authorize the app.
 */
export function refreshAccessToken(input: RefreshAccessTokenInput): Promise<AccessTokenResult> {
  return requestAccessToken(input, {
    client_id: input.apiKey,
    client_secret: input.apiSecret,
    grant_type: 'refresh_token',
    refresh_token: input.refreshToken,
  });
}
