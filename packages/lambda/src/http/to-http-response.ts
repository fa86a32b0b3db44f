import { ZodError } from 'zod';
import { AppError } from '../errors/app-error';
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
 * naming the field; anything else, and every 5xx, gives `{ code: 'INTERNAL', message:
 * 'Internal error', requestId }` with the real message and stack kept out of the response.
 */
export function toHttpResponse(error: unknown, options: ToHttpResponseOptions): HttpResult {
  const mapped = error instanceof ZodError ? toValidationError(error) : error;
  const headers: Record<string, string> = { 'x-request-id': options.requestId };
  if (mapped instanceof AppError && mapped.status < 500 && mapped.expose) {
    const body: ErrorBody = { code: mapped.code, message: mapped.message };
    if (mapped.details) body.details = mapped.details;
    return jsonResponse(mapped.status, body, { ...mapped.headers, ...headers });
  }
  const status = mapped instanceof AppError && mapped.status >= 500 ? mapped.status : 500;
  const extraHeaders = mapped instanceof AppError ? mapped.headers : undefined;
  const body: ErrorBody = {
    code: 'INTERNAL',
    message: 'Internal error',
    requestId: options.requestId,
  };
  return jsonResponse(status, body, { ...extraHeaders, ...headers });
}
