import {
  createRefundSession,
  MalformedRequestError,
  refundSessionRequestSchema,
  shopifySessionHeadersSchema,
} from '@solpay/domain';
import { createHttpHandler, jsonResponse, type HttpLambdaHandler } from '@solpay/lambda';
import { acceptedApiVersion } from '@solpay/shopify';
import type { MerchantServices } from './merchant-services';

/**
 * Green `POST /refund` (mTLS): Shopify's refund session request (specs §A.2). Malformed headers
 * or body → 400 naming the field; an unsupported API version → 400; an unknown shop → 404.
 * Every other request is accepted with `201 {}` — refunds that cannot be paid are rejected at
 * Shopify through the outbox (see `createRefundSession`).
 */
export function createRefundSessionHandler(services: MerchantServices): HttpLambdaHandler {
  return createHttpHandler(
    {
      name: 'refund-session',
      headersSchema: shopifySessionHeadersSchema,
      bodySchema: refundSessionRequestSchema,
    },
    async (request) => {
      const { refundSessions, settings } = services;
      const version = acceptedApiVersion(
        request.headers['shopify-api-version'],
        settings.apiVersion,
      );
      if (!version.ok)
        throw new MalformedRequestError(`Unsupported Shopify-Api-Version (${version.reason})`);
      await createRefundSession(refundSessions, request.headers, request.body);
      return jsonResponse(201, {});
    },
  );
}
