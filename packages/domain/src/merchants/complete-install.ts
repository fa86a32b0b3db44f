import { externalHandleOf } from './configure-payments-app';
import { constantTimeEqual } from './constant-time-equal';
import type { MerchantDeps } from './merchant-deps';
import type { PortalSessionRecord } from './merchant-store-port';
import { openPortalSession } from './open-portal-session';
import { signedQueryRefusal } from './signed-query-refusal';
import {
  DependencyUnavailableError,
  MalformedRequestError,
  PermissionDeniedError,
} from '../errors';

/** A finished install: the merchant and the portal session to sign them in with. */
export interface InstallCompletion {
  merchantId: string;
  shop: string;
  session: PortalSessionRecord;
  /** False until onboarding (payout wallet + terms) is done. */
  configured: boolean;
}

/**
 * Finishes the OAuth install (specs §A.7 steps 6–8). In this order, refusing with a clear 4xx and
 * WITHOUT calling Shopify's token endpoint: the query's shop (400), HMAC (401) and timestamp
 * (401); `code`/`state` present (400); the `state` equals the nonce bound to this browser
 * (`boundState`, from the signed cookie; 403) and is an unconsumed, unexpired nonce issued for
 * this shop — consumed atomically, so a callback replays at most once (403). Only then is the
 * code exchanged for an expiring offline token; access and refresh tokens are stored encrypted
 * (bound to the shop), the merchant is created or re-installed, and a portal session opened.
 * Re-installing a shop that finished onboarding queues `paymentsAppConfigure(ready: true)` again:
 * the new install is a new app installation for Shopify, which has to be told it is ready.
 */
export async function completeInstall(
  deps: Pick<
    MerchantDeps,
    'oauth' | 'merchants' | 'cipher' | 'clock' | 'policy' | 'logger' | 'dispatch' | 'random'
  >,
  input: { query: Record<string, string>; boundState: string | null },
): Promise<InstallCompletion> {
  const now = deps.clock.now();
  const check = deps.oauth.verifySignedQuery(input.query, now);
  if (!check.ok) throw signedQueryRefusal(check.reason);
  const { shop } = check;
  const { code, state } = input.query;
  if (!code || !state) throw new MalformedRequestError('code and state are required');
  if (input.boundState === null) {
    throw new PermissionDeniedError(
      'The install must be finished in the browser that started it (the state cookie is missing): start again from your Shopify admin',
    );
  }
  if (!constantTimeEqual(state, input.boundState)) {
    throw new PermissionDeniedError(
      'The state does not match the one issued to this browser: start again from your Shopify admin',
    );
  }
  if (!(await deps.merchants.consumeOAuthState({ nonce: state, shopDomain: shop, now }))) {
    throw new PermissionDeniedError(
      'This install link expired, was already used, or was issued for another shop: start again from your Shopify admin',
    );
  }

  const exchanged = await deps.oauth.exchangeCode({ shop, code });
  if (!exchanged.ok) {
    deps.logger.warn('authorization code exchange failed', {
      shop,
      reason: exchanged.reason,
      detail: exchanged.detail,
    });
    if (exchanged.reason === 'invalid-grant') {
      throw new MalformedRequestError(
        'Shopify refused the authorization code: start the install again',
      );
    }
    throw new DependencyUnavailableError('Shopify could not be reached to finish the install');
  }
  const { grant } = exchanged;
  const { merchantId } = await deps.merchants.saveInstall({
    shopDomain: shop,
    accessTokenEnc: await deps.cipher.encrypt(grant.accessToken, shop),
    accessTokenExpiresAt: grant.accessTokenExpiresAt,
    refreshTokenEnc:
      grant.refreshToken === null ? null : await deps.cipher.encrypt(grant.refreshToken, shop),
    refreshTokenExpiresAt: grant.refreshTokenExpiresAt,
    scopes: grant.scope,
    installedAt: now,
  });
  const merchant = await deps.merchants.findMerchant(merchantId);
  if (merchant?.configured) {
    const { mutationIds } = await deps.merchants.configure({
      merchantId,
      externalHandle: externalHandleOf(shop),
      now,
    });
    await deps.dispatch.dispatchSoon(mutationIds);
  }
  const session = await openPortalSession(deps, merchantId);
  deps.logger.info('merchant installed', { shop, merchantId });
  return { merchantId, shop, session, configured: merchant?.configured ?? false };
}
