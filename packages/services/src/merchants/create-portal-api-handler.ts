import { createHttpHandler, type HttpLambdaHandler } from '@solpay/lambda';
import { createPortalApi } from './create-portal-api';
import type { MerchantServices } from './merchant-services';

/** Portal requests are small JSON documents. */
const MAX_PORTAL_BODY_BYTES = 16 * 1024;

/**
 * Purple `ANY /portal/{proxy+}`: {@link createPortalApi} on the HTTP stack, with CORS for the
 * portal origin (credentials allowed; preflights answered before authentication).
 */
export function createPortalApiHandler(services: MerchantServices): HttpLambdaHandler {
  return createHttpHandler(
    {
      name: 'portal-api',
      cors: [services.settings.portalOrigin],
      maxBodyBytes: MAX_PORTAL_BODY_BYTES,
    },
    createPortalApi(services),
  );
}
