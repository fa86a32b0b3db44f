import { beginInstall, type MerchantDeps } from '@solpay/domain';
import { createHttpHandler, type HttpLambdaHandler } from '@solpay/lambda';
import { MERCHANT_COOKIES } from '../cookies/merchant-cookies';
import { serializeCookie } from '../cookies/serialize-cookie';
import { signCookieValue } from '../cookies/sign-cookie-value';
import { signedQueryOf } from '../portal/signed-query-of';
import type { Compose } from '../compose';
import { lazyHandler } from '../lazy-handler';

/** What the install route uses. */
export interface OAuthInstallRouteDeps {
  merchant: Pick<MerchantDeps, 'oauth' | 'merchants' | 'clock' | 'policy'>;
  /** `SESSION_SECRET`: signs the OAuth state cookie. */
  sessionSecret: string;
}

/**
 * Purple `GET /auth/install?shop&timestamp&hmac…`: verifies the signed query, issues the OAuth
 * `state` (stored for the shop AND bound to this browser in a signed `oauth_state` cookie on
 * `/auth`), and redirects (302) to Shopify's grant screen. Refusals are 400/401 JSON.
 */
export function createOAuthInstallHandler(
  compose: Compose<OAuthInstallRouteDeps>,
): HttpLambdaHandler {
  const { oauthState } = MERCHANT_COOKIES;
  return lazyHandler(() =>
    createHttpHandler({ name: 'oauth-install' }, async (request) => {
      const deps = compose();
      const start = await beginInstall(deps.merchant, signedQueryOf(request.rawQueryString));
      const signed = signCookieValue(oauthState.name, start.state, deps.sessionSecret);
      return {
        statusCode: 302,
        headers: { location: start.redirectUrl, 'cache-control': 'no-store' },
        cookies: [serializeCookie(oauthState.name, signed, oauthState)],
        body: '',
      };
    }),
  );
}
