import { paymentSessionRoute } from '@solpay/composition';
import { createPaymentSessionHandler } from '@solpay/handlers';

/** `POST /payment` (green, mTLS): Shopify's payment session request → `201 { redirect_url }`. */
export const handler = createPaymentSessionHandler(paymentSessionRoute);
