import { checkoutStatusRoute } from '@solpay/composition';
import { createCheckoutStatusHandler } from '@solpay/handlers';

/** `GET /checkout/payments/{paymentId}` (purple): what the checkout page shows. */
export const handler = createCheckoutStatusHandler(checkoutStatusRoute);
