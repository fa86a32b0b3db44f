import { beginInstall } from '@solpay/domain';
import { createHttpHandler, type HttpLambdaHandler } from '@solpay/lambda';
import { MERCHANT_COOKIES } from './merchant-cookies';
import type { MerchantServices } from './merchant-services';
import { serializeCookie } from './serialize-cookie';
import { signCookieValue } from './sign-cookie-value';
import { signedQueryOf } from './signed-query-of';

/**
 * Purple `GET /auth/install?shop&timestamp&hmac…`: verifies the signed query, issues the OAuth
 * `state` (stored for the shop AND bound to this browser in a signed `oauth_state` cookie on
 * `/auth`), and redirects (302) to Shopify's grant screen. Refusals are 400/401 JSON.
 */
export function createOAuthInstallHandler(services: MerchantServices): HttpLambdaHandler {
  const { oauthState } = MERCHANT_COOKIES;
  return createHttpHandler({ name: 'oauth-install' }, async (request) => {
    const start = await beginInstall(services.merchant, signedQueryOf(request.rawQueryString));
    const signed = signCookieValue(oauthState.name, start.state, services.settings.sessionSecret);
    return {
      statusCode: 302,
      headers: { location: start.redirectUrl, 'cache-control': 'no-store' },
      cookies: [serializeCookie(oauthState.name, signed, oauthState)],
      body: '',
    };
  });
}
