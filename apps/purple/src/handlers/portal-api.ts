import { createPortalApiHandler, portalApiRoute } from '@solpay/services';

/** `ANY /portal/{proxy+}` (purple): the merchant portal's JSON API behind the session cookie. */
export const handler = createPortalApiHandler(portalApiRoute);
