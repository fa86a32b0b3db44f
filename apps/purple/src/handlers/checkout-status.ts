import { checkoutStatusRoute, createCheckoutStatusHandler } from '@solpay/services';

/** `GET /checkout/payments/{paymentId}` (purple): what the checkout page shows. */
export const handler = createCheckoutStatusHandler(checkoutStatusRoute);
