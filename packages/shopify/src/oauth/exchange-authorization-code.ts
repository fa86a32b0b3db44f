import type { AccessTokenResult } from './access-token-grant';
import { requestAccessToken, type AccessTokenRequestOptions } from './request-access-token';

/** Input of {@link exchangeAuthorizationCode}. */
export interface ExchangeAuthorizationCodeInput extends AccessTokenRequestOptions {
  /** The app's client id. */
  apiKey: string;
  /** The app's client secret. */
  apiSecret: string;
  /** The `code` from the verified OAuth callback. */
  code: string;
}

/**
 * Exchanges an authorization code for an **expiring offline** access token:
 * `POST {origin}/admin/oauth/access_token` with JSON
 * `{ client_id, client_secret, code, expiring: '1' }`. The response is zod-parsed into an
 * `AccessTokenGrant` (60-minute access token plus a rotating refresh token).
 * Only call this after the callback's HMAC, timestamp, `state` and shop were verified.
 */
export function exchangeAuthorizationCode(
  input: ExchangeAuthorizationCodeInput,
): Promise<AccessTokenResult> {
  return requestAccessToken(input, {
    client_id: input.apiKey,
    client_secret: input.apiSecret,
    code: input.code,
    expiring: '1',
  });
}
