import { ZodError } from 'zod';
import { httpErrorRuleOf } from '../errors/http-error-table';
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

function detailsOf(error: unknown): Record<string, unknown> | undefined {
  const details = (error as { details?: unknown }).details;
  return typeof details === 'object' && details !== null
    ? (details as Record<string, unknown>)
    : undefined;
}

/**
 * Turns a thrown value into an HTTP response by the rule {@link httpErrorRuleOf} finds in the
 * one error table (a `ZodError` first becomes an `InvalidInputError` naming the field). An
 * exposed rule gives its status and `{ code, message, details? }`; any other (every 5xx) gives
 * `{ code, message: <the rule's generic text>, requestId }`, so 5xx bodies never carry the real
 * message, details or stack.
 */
export function toHttpResponse(error: unknown, options: ToHttpResponseOptions): HttpResult {
  const mapped = error instanceof ZodError ? toValidationError(error) : error;
  const rule = httpErrorRuleOf(mapped);
  const headers: Record<string, string> = {
    ...rule.headers?.(mapped as Error),
    'x-request-id': options.requestId,
  };
  if (rule.expose && mapped instanceof Error) {
    const body: ErrorBody = { code: rule.code, message: mapped.message };
    const details = detailsOf(mapped);
    if (details) body.details = details;
    return jsonResponse(rule.status, body, headers);
  }
  const body: ErrorBody = {
    code: rule.code,
    message: rule.genericMessage ?? 'Internal error',
    requestId: options.requestId,
  };
  return jsonResponse(rule.status, body, headers);
}
