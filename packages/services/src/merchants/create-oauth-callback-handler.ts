import { completeInstall } from '@solpay/domain';
import { createHttpHandler, type HttpLambdaHandler } from '@solpay/lambda';
import { MERCHANT_COOKIES } from './merchant-cookies';
import type { MerchantServices } from './merchant-services';
import { readSignedCookieValue } from './read-signed-cookie-value';
import { serializeCookie } from './serialize-cookie';
import { signCookieValue } from './sign-cookie-value';
import { signedQueryOf } from './signed-query-of';

/**
 * Purple `GET /auth/callback?code&hmac&shop&state&timestamp`: `completeInstall` (every check
 * before the code exchange; tokens stored encrypted), then clears the state cookie, signs the
 * merchant in (`portal_session` cookie on `/portal`) and redirects (302) to the portal, which
 * shows onboarding while the merchant is not configured.
 */
export function createOAuthCallbackHandler(services: MerchantServices): HttpLambdaHandler {
  const { oauthState, portalSession } = MERCHANT_COOKIES;
  const secret = services.settings.sessionSecret;
  return createHttpHandler({ name: 'oauth-callback' }, async (request) => {
    const boundState = readSignedCookieValue(
      oauthState.name,
      request.cookies[oauthState.name],
      secret,
    );
    const done = await completeInstall(services.merchant, {
      query: signedQueryOf(request.rawQueryString),
      boundState,
    });
    const session = signCookieValue(portalSession.name, done.session.id, secret);
    return {
      statusCode: 302,
      headers: { location: `${services.settings.portalOrigin}/`, 'cache-control': 'no-store' },
      cookies: [
        serializeCookie(oauthState.name, '', { ...oauthState, maxAgeSeconds: 0 }),
        serializeCookie(portalSession.name, session, portalSession),
      ],
      body: '',
    };
  });
}
