import {
  AuthenticationFailedError,
  BusinessRuleViolationError,
  DependencyUnavailableError,
  InvalidInputError,
  MalformedRequestError,
  MisconfigurationError,
  PermissionDeniedError,
  RateLimitExceededError,
  RecordClosedError,
  StateConflictError,
  UnknownRecordError,
} from '@solpay/domain';
import { isDependencyUnavailable } from '../http/is-dependency-unavailable';
import type { ErrorCode } from './error-code';
import { PayloadTooLargeError } from './payload-too-large-error';
import { UnsupportedMediaTypeError } from './unsupported-media-type-error';

/** How one error class answers over HTTP. */
export interface HttpErrorRule<E extends Error = Error> {
  /** The HTTP status. */
  status: number;
  /** The `code` of the body (documented in docs/api.md; never rename one). */
  code: ErrorCode;
  /**
   * Whether the caller sees the error's own message and `details`. Never for a 5xx: there
   * {@link HttpErrorRule.genericMessage} replaces them, so internals do not leak.
   */
  expose: boolean;
  /** The fixed message of a rule that does not expose the error's own. */
  genericMessage?: string;
  /** Response headers computed from the error (e.g. `Retry-After`). */
  headers?: (error: E) => Record<string, string>;
}

/** A class in the table (abstract classes included). */
export type ErrorClass<E extends Error = Error> = abstract new (...args: never[]) => E;

function row<E extends Error>(
  type: ErrorClass<E>,
  rule: HttpErrorRule<E>,
): readonly [ErrorClass, HttpErrorRule] {
  return [type, rule as HttpErrorRule];
}

/** The rule of a failure that is not ours to explain: anything not in the table. */
export const UNEXPECTED_ERROR_RULE: HttpErrorRule = {
  status: 500,
  code: 'INTERNAL',
  expose: false,
  genericMessage: 'Internal error',
};

const DEPENDENCY_UNAVAILABLE_RULE: HttpErrorRule = {
  status: 503,
  code: 'UPSTREAM_UNAVAILABLE',
  expose: false,
  genericMessage: 'Service temporarily unavailable',
};

/**
 * THE mapping of errors to HTTP: one row per error class, looked up by the nearest class in the
 * error's prototype chain. Every HTTP answer built from a thrown error goes through it
 * ({@link httpErrorRuleOf}); no error class knows its status.
 */
export const HTTP_ERROR_TABLE: ReadonlyMap<ErrorClass, HttpErrorRule> = new Map([
  row(MalformedRequestError, { status: 400, code: 'BAD_REQUEST', expose: true }),
  row(InvalidInputError, { status: 400, code: 'VALIDATION_FAILED', expose: true }),
  row(AuthenticationFailedError, { status: 401, code: 'UNAUTHORIZED', expose: true }),
  row(PermissionDeniedError, { status: 403, code: 'FORBIDDEN', expose: true }),
  row(UnknownRecordError, { status: 404, code: 'NOT_FOUND', expose: true }),
  row(StateConflictError, { status: 409, code: 'CONFLICT', expose: true }),
  row(RecordClosedError, { status: 410, code: 'GONE', expose: true }),
  row(PayloadTooLargeError, { status: 413, code: 'PAYLOAD_TOO_LARGE', expose: true }),
  row(UnsupportedMediaTypeError, { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', expose: true }),
  row(BusinessRuleViolationError, { status: 422, code: 'UNPROCESSABLE', expose: true }),
  row(RateLimitExceededError, {
    status: 429,
    code: 'RATE_LIMITED',
    expose: true,
    headers: (error) => ({ 'Retry-After': String(error.retryAfterSeconds) }),
  }),
  row(MisconfigurationError, UNEXPECTED_ERROR_RULE),
  row(DependencyUnavailableError, DEPENDENCY_UNAVAILABLE_RULE),
]);

/**
 * The table's rule for a thrown value: the row of the nearest class in its prototype chain;
 * for anything else, 503 when it says the database is unavailable, else the 500 rule.
 */
export function httpErrorRuleOf(error: unknown): HttpErrorRule {
  if (error instanceof Error) {
    for (
      let proto: object | null = Object.getPrototypeOf(error);
      proto !== null && proto !== Error.prototype;
      proto = Object.getPrototypeOf(proto)
    ) {
      const rule = HTTP_ERROR_TABLE.get((proto as { constructor: ErrorClass }).constructor);
      if (rule) return rule;
    }
  }
  return isDependencyUnavailable(error) ? DEPENDENCY_UNAVAILABLE_RULE : UNEXPECTED_ERROR_RULE;
}
