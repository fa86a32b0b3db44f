import { BadRequestError, UnauthorizedError, type AppError } from '@solpay/lambda';
import type { SignedQueryFailure } from './shopify-oauth-port';

/** The 4xx a refused install/callback query gets, with a message a merchant can act on. */
export function signedQueryRefusal(reason: SignedQueryFailure): AppError {
  switch (reason) {
    case 'invalid-shop':
      return new BadRequestError('shop must be a shop domain like "example.myshopify.com"');
    case 'invalid-hmac':
      return new UnauthorizedError(
        'The request signature (hmac) is missing or invalid: open the app from your Shopify admin',
      );
    case 'stale-timestamp':
      return new UnauthorizedError(
        'The request is too old (timestamp more than 90 seconds away): open the app from your Shopify admin again',
      );
  }
}
