import { constantTimeEqual } from './constant-time-equal';
import type { MerchantDeps } from './merchant-deps';
import type { MerchantProfile, PortalSessionRecord } from './merchant-store-port';
import { AuthenticationFailedError, PermissionDeniedError } from '../errors';

/** Methods that never change state, so they need no CSRF token. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A signed-in portal request: its session and merchant. */
export interface PortalPrincipal {
  session: PortalSessionRecord;
  merchant: MerchantProfile;
}

/**
 * Authenticates a portal request: the session id (from the verified signed cookie; null when
 * absent or forged) must name a live, unrevoked session of an installed merchant (else 401), and
 * every state-changing request must carry the session's CSRF token in `X-CSRF-Token` (else 403).
 */
export async function authenticatePortalRequest(
  deps: Pick<MerchantDeps, 'merchants' | 'clock'>,
  input: { sessionId: string | null; method: string; csrfToken: string | undefined },
): Promise<PortalPrincipal> {
  if (input.sessionId === null) {
    throw new AuthenticationFailedError('Not signed in: open Solana Pay from your Shopify admin');
  }
  const session = await deps.merchants.findActivePortalSession(input.sessionId, deps.clock.now());
  if (!session) {
    throw new AuthenticationFailedError(
      'Your session ended: open Solana Pay from your Shopify admin again',
    );
  }
  const merchant = await deps.merchants.findMerchant(session.merchantId);
  if (!merchant || !merchant.installed) {
    throw new AuthenticationFailedError(
      'This shop has uninstalled Solana Pay: install it again from Shopify',
    );
  }
  if (!SAFE_METHODS.has(input.method.toUpperCase())) {
    if (input.csrfToken === undefined || !constantTimeEqual(input.csrfToken, session.csrfToken)) {
      throw new PermissionDeniedError('Missing or invalid X-CSRF-Token header');
    }
  }
  return { session, merchant };
}
