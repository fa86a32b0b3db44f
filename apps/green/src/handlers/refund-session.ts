import { refundSessionRoute } from '@solpay/composition';
import { createRefundSessionHandler } from '@solpay/handlers';

/** `POST /refund` (green, mTLS): Shopify's refund session request → `201 {}`. */
export const handler = createRefundSessionHandler(refundSessionRoute);
