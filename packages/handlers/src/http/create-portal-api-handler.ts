import { createHttpHandler, type HttpLambdaHandler } from '@solpay/lambda';
import type { Compose } from '../compose';
import { createPortalApi, type PortalApiDeps } from '../portal/create-portal-api';
import { lazyHandler } from '../lazy-handler';

/** Portal requests are small JSON documents. */
const MAX_PORTAL_BODY_BYTES = 16 * 1024;

/**
 * Purple `ANY /portal/{proxy+}`: {@link createPortalApi} on the HTTP stack, with CORS for the
 * portal origin (credentials allowed; preflights answered before authentication).
 */
export function createPortalApiHandler(compose: Compose<PortalApiDeps>): HttpLambdaHandler {
  return lazyHandler(() => {
    const deps = compose();
    return createHttpHandler(
      {
        name: 'portal-api',
        cors: [deps.settings.portalOrigin],
        maxBodyBytes: MAX_PORTAL_BODY_BYTES,
      },
      createPortalApi(deps),
    );
  });
}
