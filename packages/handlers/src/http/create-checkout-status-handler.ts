import { createHttpHandler, jsonResponse, type HttpLambdaHandler } from '@solpay/lambda';
import { UnknownRecordError, type CheckoutPaymentReaderPort } from '@solpay/domain';
import type { Compose } from '../compose';
import { lazyHandler } from '../lazy-handler';

/** What the checkout status route uses. */
export interface CheckoutStatusRouteDeps {
  /** The checkout read model (its adapter checks an open payment on chain first). */
  checkoutPayments: CheckoutPaymentReaderPort;
  /** `CHECKOUT_ORIGIN`: the only origin CORS allows. */
  checkoutOrigin: string;
}

/**
 * Purple `GET /checkout/payments/{paymentId}`: what the checkout page shows — status, amounts,
 * merchant, the `solana:` URL for the QR code, Shopify's cancel and (once resolved) redirect
 * URLs. An open payment with served transactions is checked on chain first, so the page sees
 * PAID promptly. 404 for unknown ids. CORS for the checkout web app's origin only.
 */
export function createCheckoutStatusHandler(
  compose: Compose<CheckoutStatusRouteDeps>,
): HttpLambdaHandler {
  return lazyHandler(() => {
    const deps = compose();
    return createHttpHandler(
      { name: 'checkout-status', cors: [deps.checkoutOrigin] },
      async (request) => {
        const payment = await deps.checkoutPayments.load(request.pathParams.paymentId ?? '');
        if (!payment) throw new UnknownRecordError('Unknown payment');
        return jsonResponse(200, payment, { 'cache-control': 'no-store' });
      },
    );
  });
}
