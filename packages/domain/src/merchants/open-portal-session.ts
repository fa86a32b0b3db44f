import { systemRandom } from '../ports/random-source';
import type { MerchantDeps } from './merchant-deps';
import type { PortalSessionRecord } from './merchant-store-port';

/**
 * Starts a portal session for a merchant (12 h) with its own random CSRF token. The caller puts
 * the session id in a signed `HttpOnly` cookie; the CSRF token is only ever handed to the portal
 * app by `GET /portal/session`.
 */
export function openPortalSession(
  deps: Pick<MerchantDeps, 'merchants' | 'clock' | 'policy' | 'random'>,
  merchantId: string,
): Promise<PortalSessionRecord> {
  const now = deps.clock.now();
  return deps.merchants.createPortalSession({
    merchantId,
    csrfToken: Buffer.from((deps.random ?? systemRandom).bytes(32)).toString('base64url'),
    expiresAt: new Date(now.getTime() + deps.policy.portalSessionTtlMs),
  });
}
