import { createHttpHandler, jsonResponse, readConfig } from '@solpay/lambda';
import { getAppServices, loadCheckoutPayment } from '@solpay/services';
import { UnknownRecordError } from '@solpay/domain';

/**
 * `GET /checkout/payments/{paymentId}` (purple): what the checkout page shows — status, amounts,
 * merchant, the `solana:` URL for the QR code, Shopify's cancel and (once resolved) redirect
 * URLs. An open payment with served transactions is checked on chain first, so the page sees
 * PAID promptly. 404 for unknown ids. CORS for the checkout web app's origin only.
 */
export const handler = createHttpHandler(
  { name: 'checkout-status', cors: [readConfig(['web']).web.checkoutOrigin] },
  async (request) => {
    const services = getAppServices();
    const payment = await loadCheckoutPayment(
      {
        prisma: services.prisma,
        engine: services.engine,
        purpleOrigin: services.config(['web']).web.purpleOrigin,
      },
      request.pathParams.paymentId ?? '',
    );
    if (!payment) throw new UnknownRecordError('Unknown payment');
    return jsonResponse(200, payment, { 'cache-control': 'no-store' });
  },
);
