import { createPaymentSessionHandler, paymentSessionRoute } from '@solpay/services';

/** `POST /payment` (green, mTLS): Shopify's payment session request → `201 { redirect_url }`. */
export const handler = createPaymentSessionHandler(paymentSessionRoute);
