import { redact } from '../logging/redact';
import { sentryModule } from './sentry-module';

/** What is known about where an error happened; secret-named fields are masked. */
export interface ErrorReportContext {
  requestId?: string;
  /** The handler's name. */
  handler?: string;
  [key: string]: unknown;
}

/**
 * Reports an unexpected error to Sentry with its context. A no-op while Sentry is off
 * (no `SENTRY_DSN`), so any package may call it unconditionally.
 */
export function reportError(error: unknown, context: ErrorReportContext = {}): void {
  const Sentry = sentryModule();
  if (!Sentry?.isInitialized()) return;
  const { requestId, handler, ...extra } = context;
  Sentry.withScope((scope) => {
    if (requestId) scope.setTag('requestId', requestId);
    if (handler) scope.setTag('handler', handler);
    scope.setExtras(redact(extra) as Record<string, unknown>);
    Sentry.captureException(error);
  });
}
