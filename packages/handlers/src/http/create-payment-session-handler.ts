import {
  createPaymentSession,
  paymentSessionRequestSchema,
  shopifySessionHeadersSchema,
  type CreatePaymentSessionDeps,
} from '@solpay/domain';
import { createHttpHandler, jsonResponse, type HttpLambdaHandler } from '@solpay/lambda';
import { MalformedRequestError } from '@solpay/domain';
import { acceptedApiVersion } from '@solpay/shopify';
import type { Compose } from '../compose';
import { lazyHandler } from '../lazy-handler';

/** What the payment session route uses. */
export interface PaymentSessionRouteDeps {
  session: CreatePaymentSessionDeps;
  /** The Shopify API version this build targets (inbound versions are checked against it). */
  apiVersion: string;
}

/**
 * Green `POST /payment` (mTLS): Shopify's payment session request (specs §A.1). Headers and
 * body are validated (400 naming the field), the API version must be one we support, then one
 * payment record per (shop, `id`) is created — idempotently, also under concurrency — and the
 * buyer is sent to our checkout page: `201 { redirect_url }`.
 */
export function createPaymentSessionHandler(
  compose: Compose<PaymentSessionRouteDeps>,
): HttpLambdaHandler {
  return lazyHandler(() =>
    createHttpHandler(
      {
        name: 'payment-session',
        headersSchema: shopifySessionHeadersSchema,
        bodySchema: paymentSessionRequestSchema,
      },
      async (request) => {
        const deps = compose();
        const version = acceptedApiVersion(request.headers['shopify-api-version'], deps.apiVersion);
        if (!version.ok) {
          throw new MalformedRequestError(`Unsupported Shopify-Api-Version (${version.reason})`);
        }
        const session = await createPaymentSession(deps.session, request.headers, request.body);
        return jsonResponse(201, { redirect_url: session.redirectUrl });
      },
    ),
  );
}
