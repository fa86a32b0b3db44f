import { ZodError } from 'zod';
import { AppError } from '../errors/app-error';
import { isDependencyUnavailable } from './is-dependency-unavailable';
import type { HttpResult } from './http-result';
import { jsonResponse } from './json-response';
import { toValidationError } from './to-validation-error';

/** Context for {@link toHttpResponse}. */
export interface ToHttpResponseOptions {
  /** Echoed in `x-request-id` and, for 5xx, in the body so support can find the logs. */
  requestId: string;
}

/** The error body of every non-2xx JSON response. */
export interface ErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
  requestId?: string;
}

/**
 * The one mapping from a thrown value to an HTTP response. An {@link AppError} below 500 gives
 * its status and `{ code, message, details? }`; a `ZodError` gives 400 `VALIDATION_FAILED`
 * naming the field. A 503 (an unavailable dependency: our `UpstreamUnavailableError`, or a
 * database that cannot be reached) gives `{ code: 'UPSTREAM_UNAVAILABLE', message: 'Service
 * temporarily unavailable', requestId }` so callers know to retry; anything else gives
 * `{ code: 'INTERNAL', message: 'Internal error', requestId }`. 5xx bodies never carry the real
 * message or stack.
 */
export function toHttpResponse(error: unknown, options: ToHttpResponseOptions): HttpResult {
  const mapped = error instanceof ZodError ? toValidationError(error) : error;
  const headers: Record<string, string> = { 'x-request-id': options.requestId };
  if (mapped instanceof AppError && mapped.status < 500 && mapped.expose) {
    const body: ErrorBody = { code: mapped.code, message: mapped.message };
    if (mapped.details) body.details = mapped.details;
    return jsonResponse(mapped.status, body, { ...mapped.headers, ...headers });
  }
  const status =
    mapped instanceof AppError && mapped.status >= 500
      ? mapped.status
      : isDependencyUnavailable(mapped)
        ? 503
        : 500;
  const extraHeaders = mapped instanceof AppError ? mapped.headers : undefined;
  const body: ErrorBody =
    status === 503
      ? {
          code: 'UPSTREAM_UNAVAILABLE',
          message: 'Service temporarily unavailable',
          requestId: options.requestId,
        }
      : { code: 'INTERNAL', message: 'Internal error', requestId: options.requestId };
  return jsonResponse(status, body, { ...extraHeaders, ...headers });
}
