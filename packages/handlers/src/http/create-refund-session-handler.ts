import {
  createRefundSession,
  refundSessionRequestSchema,
  shopifySessionHeadersSchema,
  type CreateRefundSessionDeps,
} from '@solpay/domain';
import { createHttpHandler, jsonResponse, type HttpLambdaHandler } from '@solpay/lambda';
import { MalformedRequestError } from '@solpay/domain';
import { acceptedApiVersion } from '@solpay/shopify';
import type { Compose } from '../compose';
import { lazyHandler } from '../lazy-handler';

/** What the refund session route uses. */
export interface RefundSessionRouteDeps {
  refundSessions: CreateRefundSessionDeps;
  /** The Shopify API version this build targets (inbound versions are checked against it). */
  apiVersion: string;
}

/**
 * Green `POST /refund` (mTLS): Shopify's refund session request (specs §A.2). Malformed headers
 * or body → 400 naming the field; an unsupported API version → 400; an unknown shop → 404.
 * Every other request is accepted with `201 {}` — refunds that cannot be paid are rejected at
 * Shopify through the outbox (see `createRefundSession`).
 */
export function createRefundSessionHandler(
  compose: Compose<RefundSessionRouteDeps>,
): HttpLambdaHandler {
  return lazyHandler(() =>
    createHttpHandler(
      {
        name: 'refund-session',
        headersSchema: shopifySessionHeadersSchema,
        bodySchema: refundSessionRequestSchema,
      },
      async (request) => {
        const deps = compose();
        const version = acceptedApiVersion(request.headers['shopify-api-version'], deps.apiVersion);
        if (!version.ok) {
          throw new MalformedRequestError(`Unsupported Shopify-Api-Version (${version.reason})`);
        }
        await createRefundSession(deps.refundSessions, request.headers, request.body);
        return jsonResponse(201, {});
      },
    ),
  );
}
