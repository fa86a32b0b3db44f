import * as z from 'zod';

/** Body of a successful `POST /admin/oauth/access_token` (offline token, optionally expiring). */
export const accessTokenResponseSchema = z.object({
  access_token: z.string().min(1),
  scope: z.string(),
  expires_in: z.number().int().positive().optional(),
  refresh_token: z.string().min(1).optional(),
  refresh_token_expires_in: z.number().int().positive().optional(),
});

/** Raw access token response as Shopify sends it. */
export type AccessTokenResponse = z.infer<typeof accessTokenResponseSchema>;

/** An access token grant with absolute expiry times (store the tokens encrypted). */
export interface AccessTokenGrant {
  accessToken: string;
  /** Comma-separated granted scopes. */
  scope: string;
  /** When the access token stops working; absent for non-expiring tokens. */
  expiresAt?: Date;
  /** Rotating refresh token; every refresh returns a new one that replaces the old. */
  refreshToken?: string;
  refreshTokenExpiresAt?: Date;
}

/**
 * Why a token request failed.
 * - `invalid-grant`: Shopify refused the code / refresh token / client credentials (HTTP 400
 *   or 401, or an OAuth `error` of `invalid_grant`, `invalid_request`, `invalid_client`,
 *   `unauthorized_client`). Retrying the same request cannot succeed: reinstall / re-auth.
 * - `http-error`: any other status, or a 2xx whose body is not a valid token response.
 *   Usually worth retrying later (429, 5xx).
 * - `network`: connection failure or timeout.
 */
export type AccessTokenFailureReason = 'invalid-grant' | 'http-error' | 'network';

/** Result of a token request: expected failures are values, not exceptions. */
export type AccessTokenResult =
  | { ok: true; grant: AccessTokenGrant }
  | { ok: false; reason: AccessTokenFailureReason; status?: number; detail?: string };

/** Converts the wire response into an {@link AccessTokenGrant}, relative to `now`. */
export function toAccessTokenGrant(response: AccessTokenResponse, now: Date): AccessTokenGrant {
  const at = (seconds: number): Date => new Date(now.getTime() + seconds * 1000);
  const grant: AccessTokenGrant = { accessToken: response.access_token, scope: response.scope };
  if (response.expires_in !== undefined) grant.expiresAt = at(response.expires_in);
  if (response.refresh_token !== undefined) grant.refreshToken = response.refresh_token;
  if (response.refresh_token_expires_in !== undefined) {
    grant.refreshTokenExpiresAt = at(response.refresh_token_expires_in);
  }
  return grant;
}
