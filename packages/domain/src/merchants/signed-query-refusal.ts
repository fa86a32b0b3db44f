import type { SignedQueryFailure } from './shopify-oauth-port';
import { AuthenticationFailedError, DomainError, MalformedRequestError } from '../errors';

/** The 4xx a refused install/callback query gets, with a message a merchant can act on. */
export function signedQueryRefusal(reason: SignedQueryFailure): DomainError {
  switch (reason) {
    case 'invalid-shop':
      return new MalformedRequestError('shop must be a shop domain like "example.myshopify.com"');
    case 'invalid-hmac':
      return new AuthenticationFailedError(
        'The request signature (hmac) is missing or invalid: open the app from your Shopify admin',
      );
    case 'stale-timestamp':
      return new AuthenticationFailedError(
        'The request is too old (timestamp more than 90 seconds away): open the app from your Shopify admin again',
      );
  }
}
