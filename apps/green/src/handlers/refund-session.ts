import { createRefundSessionHandler, refundSessionRoute } from '@solpay/services';

/** `POST /refund` (green, mTLS): Shopify's refund session request → `201 {}`. */
export const handler = createRefundSessionHandler(refundSessionRoute);
