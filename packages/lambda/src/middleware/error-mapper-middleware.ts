import { ZodError } from 'zod';
import { httpErrorRuleOf } from '../errors/http-error-table';
import { toHttpResponse } from '../http/to-http-response';
import { reportError } from '../sentry/report-error';
import type { HttpMiddleware } from './http-invocation';

/**
 * The one error handler of the HTTP stack: maps whatever was thrown with
 * {@link toHttpResponse} (the one error table). Server errors are logged with their stack and reported to Sentry;
 * their details never reach the response.
 */
export function errorMapperMiddleware(handler: string): HttpMiddleware {
  return {
    onError: (request) => {
      const { event, error } = request;
      const requestId = event.normalized.request.requestId;
      const response = toHttpResponse(error, { requestId });
      const rule = httpErrorRuleOf(error);
      if (response.statusCode >= 500) {
        event.errorCode = rule.code;
        event.logger.error('request failed', { error });
        reportError(error, { requestId, handler, route: event.normalized.request.route });
      } else if (error instanceof ZodError) {
        event.errorCode = 'VALIDATION_FAILED';
      } else if (rule.expose && error instanceof Error) {
        event.errorCode = rule.code;
        event.errorMessage = error.message;
      }
      request.response = response;
    },
  };
}
