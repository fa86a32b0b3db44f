import {
  paymentSessionRequestSchema,
  createPaymentSession,
  MalformedRequestError,
  shopifySessionHeadersSchema,
} from '@solpay/domain';
import { createHttpHandler, jsonResponse } from '@solpay/lambda';
import { getAppServices } from '@solpay/services';
import { acceptedApiVersion } from '@solpay/shopify';

/**
 * `POST /payment` (green, mTLS): Shopify's payment session request (specs §A.1). Headers and
 * body are validated (400 naming the field), the API version must be one we support, then one
 * payment record per (shop, `id`) is created — idempotently, also under concurrency — and the
 * buyer is sent to our checkout page: `201 { redirect_url }`.
 */
export const handler = createHttpHandler(
  {
    name: 'payment-session',
    headersSchema: shopifySessionHeadersSchema,
    bodySchema: paymentSessionRequestSchema,
  },
  async (request) => {
    const services = getAppServices();
    const version = acceptedApiVersion(
      request.headers['shopify-api-version'],
      services.config(['shopify']).shopify.apiVersion,
    );
    if (!version.ok) {
      throw new MalformedRequestError(`Unsupported Shopify-Api-Version (${version.reason})`);
    }
    const session = await createPaymentSession(services.sessionDeps, request.headers, request.body);
    return jsonResponse(201, { redirect_url: session.redirectUrl });
  },
);
