import type { RuntimeConfig } from '../config/sections/runtime-section';
import { redact } from '../logging/redact';
import { loadSentry } from './sentry-module';

/**
 * Starts Sentry once per process when `runtime.sentryDsn` is set; resolves to whether it is on.
 * An unset or empty `SENTRY_DSN` leaves Sentry off (and unloaded) and every report a no-op.
 */
export async function initSentry(runtime: RuntimeConfig): Promise<boolean> {
  if (!runtime.sentryDsn) return false;
  const Sentry = await loadSentry();
  if (Sentry.isInitialized()) return true;
  Sentry.init({
    dsn: runtime.sentryDsn,
    environment: runtime.stage,
    serverName: runtime.serviceName,
    sendDefaultPii: false,
    tracesSampleRate: 0,
    beforeSend: (event) => {
      // Extras and request data may carry secrets; mask them as the logs do.
      if (event.extra) event.extra = redact(event.extra) as typeof event.extra;
      if (event.request?.headers) {
        event.request.headers = redact(event.request.headers) as typeof event.request.headers;
      }
      if (event.request?.cookies) delete event.request.cookies;
      return event;
    },
  });
  return Sentry.isInitialized();
}
