import { systemRandom } from '../ports/random-source';
import type { MerchantDeps } from './merchant-deps';
import { signedQueryRefusal } from './signed-query-refusal';

/** Where to send the merchant, and the nonce to bind to their browser. */
export interface InstallStart {
  /** Shopify's grant screen (`/admin/oauth/authorize?…&state=…`). */
  redirectUrl: string;
  /** The `state` nonce (hex of 32 random bytes); the caller binds it to the browser in a signed cookie. */
  state: string;
  expiresAt: Date;
}

/**
 * Starts the OAuth install (specs §A.7 steps 1–5): refuses a query whose shop is not an anchored
 * `*.myshopify.com` domain (400), whose HMAC does not verify (401) or whose timestamp is more
 * than 90 s away (401); otherwise stores a fresh random `state` nonce for the shop (10 minutes)
 * and returns the grant-screen URL. Nothing is stored for a refused query.
 */
export async function beginInstall(
  deps: Pick<MerchantDeps, 'oauth' | 'merchants' | 'clock' | 'policy' | 'random'>,
  query: Record<string, string>,
): Promise<InstallStart> {
  const now = deps.clock.now();
  const check = deps.oauth.verifySignedQuery(query, now);
  if (!check.ok) throw signedQueryRefusal(check.reason);
  const state = Buffer.from((deps.random ?? systemRandom).bytes(32)).toString('hex');
  const expiresAt = new Date(now.getTime() + deps.policy.oauthStateTtlMs);
  await deps.merchants.saveOAuthState({ nonce: state, shopDomain: check.shop, expiresAt });
  return { redirectUrl: deps.oauth.authorizeUrl({ shop: check.shop, state }), state, expiresAt };
}
