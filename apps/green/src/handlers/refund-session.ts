import { createRefundSessionHandler, getMerchantServices, lazyHandler } from '@solpay/services';

/**
 * `POST /refund` (green, mTLS): Shopify's refund session request → one refund record per
 * (shop, `id`) and `201 {}`; refunds that cannot be paid are stored rejected and
 * `refundSessionReject` is queued in the same transaction.
 */
export const handler = lazyHandler(() => createRefundSessionHandler(getMerchantServices()));
