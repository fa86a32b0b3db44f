import { completeInstall, type MerchantDeps } from '@solpay/domain';
import { createHttpHandler, type HttpLambdaHandler } from '@solpay/lambda';
import { MERCHANT_COOKIES } from '../cookies/merchant-cookies';
import { readSignedCookieValue } from '../cookies/read-signed-cookie-value';
import { serializeCookie } from '../cookies/serialize-cookie';
import { signCookieValue } from '../cookies/sign-cookie-value';
import { signedQueryOf } from '../portal/signed-query-of';
import type { Compose } from '../compose';
import { lazyHandler } from '../lazy-handler';

/** What the OAuth callback route uses. */
export interface OAuthCallbackRouteDeps {
  merchant: Pick<
    MerchantDeps,
    'oauth' | 'merchants' | 'cipher' | 'clock' | 'policy' | 'logger' | 'dispatch'
  >;
  /** `SESSION_SECRET`: signs the OAuth state and portal session cookies. */
  sessionSecret: string;
  /** `PORTAL_ORIGIN`: where a signed-in merchant is sent. */
  portalOrigin: string;
}

/**
 * Purple `GET /auth/callback?code&hmac&shop&state&timestamp`: `completeInstall` (every check
 * before the code exchange; tokens stored encrypted), then clears the state cookie, signs the
 * merchant in (`portal_session` cookie on `/portal`) and redirects (302) to the portal, which
 * shows onboarding while the merchant is not configured.
 */
export function createOAuthCallbackHandler(
  compose: Compose<OAuthCallbackRouteDeps>,
): HttpLambdaHandler {
  const { oauthState, portalSession } = MERCHANT_COOKIES;
  return lazyHandler(() =>
    createHttpHandler({ name: 'oauth-callback' }, async (request) => {
      const deps = compose();
      const secret = deps.sessionSecret;
      const boundState = readSignedCookieValue(
        oauthState.name,
        request.cookies[oauthState.name],
        secret,
      );
      const done = await completeInstall(deps.merchant, {
        query: signedQueryOf(request.rawQueryString),
        boundState,
      });
      const session = signCookieValue(portalSession.name, done.session.id, secret);
      return {
        statusCode: 302,
        headers: { location: `${deps.portalOrigin}/`, 'cache-control': 'no-store' },
        cookies: [
          serializeCookie(oauthState.name, '', { ...oauthState, maxAgeSeconds: 0 }),
          serializeCookie(portalSession.name, session, portalSession),
        ],
        body: '',
      };
    }),
  );
}
