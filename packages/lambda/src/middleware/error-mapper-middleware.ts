import { ZodError } from 'zod';
import { AppError } from '../errors/app-error';
import { toHttpResponse } from '../http/to-http-response';
import { reportError } from '../sentry/report-error';
import type { HttpMiddleware } from './http-invocation';

/**
 * The one error handler of the HTTP stack: maps whatever was thrown with
 * {@link toHttpResponse}. Server errors are logged with their stack and reported to Sentry;
 * their details never reach the response.
 */
export function errorMapperMiddleware(handler: string): HttpMiddleware {
  return {
    onError: (request) => {
      const { event, error } = request;
      const requestId = event.normalized.request.requestId;
      const response = toHttpResponse(error, { requestId });
      if (response.statusCode >= 500) {
        event.errorCode = error instanceof AppError ? error.code : 'INTERNAL';
        event.logger.error('request failed', { error });
        reportError(error, { requestId, handler, route: event.normalized.request.route });
      } else if (error instanceof AppError) {
        event.errorCode = error.code;
        event.errorMessage = error.message;
      } else if (error instanceof ZodError) {
        event.errorCode = 'VALIDATION_FAILED';
      }
      request.response = response;
    },
  };
}
