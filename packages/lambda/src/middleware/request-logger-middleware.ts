import type { LogLevel } from '../logging/log-level';
import { createLogger, type LogWrite } from '../logging/logger';
import type { HttpMiddleware, HttpMiddyRequest } from './http-invocation';

/** Options of {@link requestLoggerMiddleware}. */
export interface RequestLoggerOptions {
  service: string;
  level: LogLevel;
  /** The handler's name, on every line. */
  handler: string;
  write?: LogWrite;
}

/** Binds the invocation's logger to the request id and the handler name. */
export function requestLoggerMiddleware(options: RequestLoggerOptions): HttpMiddleware {
  return {
    before: ({ event }) => {
      event.logger = createLogger({
        service: options.service,
        level: options.level,
        requestId: event.normalized.request.requestId,
        fields: { handler: options.handler },
        ...(options.write ? { write: options.write } : {}),
      });
    },
  };
}

/**
 * Writes the one access-log line of a request (method, route, status, duration; never bodies
 * or headers). Runs at the very end (middy's `requestEnd`), early responses included.
 */
export function logAccess({ event, response }: HttpMiddyRequest): void {
  const { request } = event.normalized;
  const status = response?.statusCode ?? 500;
  const fields = {
    method: request.method,
    route: request.route,
    path: request.path,
    status,
    durationMs: Math.round((performance.now() - event.startedAt) * 10) / 10,
    ...(event.errorCode ? { errorCode: event.errorCode } : {}),
    ...(event.errorMessage ? { errorMessage: event.errorMessage } : {}),
  };
  if (status >= 500) event.logger.error('request', fields);
  else if (status >= 400) event.logger.warn('request', fields);
  else event.logger.info('request', fields);
}
