import { createPortalApiHandler, getMerchantServices, lazyHandler } from '@solpay/services';

/**
 * `ANY /portal/{proxy+}` (purple): the merchant portal's JSON API — session, logout, payments,
 * refunds (view, reject), payout wallet and activation — behind the signed session cookie, CSRF
 * header on state changes, and CORS for `PORTAL_ORIGIN` with credentials.
 */
export const handler = lazyHandler(() => createPortalApiHandler(getMerchantServices()));
