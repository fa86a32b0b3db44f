import * as z from 'zod';
import { postJson, type FetchLike } from '../http/post-json';
import { shopifyOrigin } from '../shop/shopify-origin';
import {
  accessTokenResponseSchema,
  toAccessTokenGrant,
  type AccessTokenResult,
} from './access-token-grant';

/** Transport options shared by the token requests. */
export interface AccessTokenRequestOptions {
  /** Validated `*.myshopify.com` domain. */
  shop: string;
  /** See `shopifyOrigin`. */
  adminOrigin?: string | undefined;
  /** Defaults to the global `fetch`. */
  fetch?: FetchLike | undefined;
  timeoutMs: number;
  /** Clock used to turn `expires_in` into absolute times; defaults to `new Date()`. */
  now?: (() => Date) | undefined;
}

const oauthErrorSchema = z.object({ error: z.string() });

/** OAuth error codes that mean the grant itself is unusable. */
const GRANT_ERRORS = new Set([
  'invalid_grant',
  'invalid_request',
  'invalid_client',
  'unauthorized_client',
]);

/**
 * POSTs a token request body to `{origin}/admin/oauth/access_token` and classifies the answer.
 * Shared by the authorization-code exchange and the refresh-token grant.
 */
export async function requestAccessToken(
  options: AccessTokenRequestOptions,
  body: Record<string, string>,
): Promise<AccessTokenResult> {
  const url = `${shopifyOrigin({ shop: options.shop, adminOrigin: options.adminOrigin })}/admin/oauth/access_token`;
  const sent = await postJson({
    fetch: options.fetch ?? globalThis.fetch,
    url,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body,
    timeoutMs: options.timeoutMs,
  });
  if (!sent.ok) return { ok: false, reason: 'network', detail: sent.reason };

  const { status, bodyText } = sent.response;
  const json = parseJson(bodyText);
  if (status < 200 || status > 299) {
    const oauthError = oauthErrorSchema.safeParse(json);
    const errorCode = oauthError.success ? oauthError.data.error : undefined;
    const grantRefused =
      status === 400 || status === 401 || (errorCode !== undefined && GRANT_ERRORS.has(errorCode));
    return {
      ok: false,
      reason: grantRefused ? 'invalid-grant' : 'http-error',
      status,
      ...(errorCode === undefined ? {} : { detail: errorCode }),
    };
  }

  const parsed = accessTokenResponseSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, reason: 'http-error', status, detail: 'malformed token response' };
  }
  return { ok: true, grant: toAccessTokenGrant(parsed.data, options.now?.() ?? new Date()) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
