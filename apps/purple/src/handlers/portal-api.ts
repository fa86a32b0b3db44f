import { portalApiRoute } from '@solpay/composition';
import { createPortalApiHandler } from '@solpay/handlers';

/** `ANY /portal/{proxy+}` (purple): the merchant portal's JSON API behind the session cookie. */
export const handler = createPortalApiHandler(portalApiRoute);
