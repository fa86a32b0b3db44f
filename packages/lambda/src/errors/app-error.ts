/** Stable machine-readable error codes. Clients may branch on these; never rename one. */
export type ErrorCode =
  | 'BAD_REQUEST'
  | 'VALIDATION_FAILED'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'GONE'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'UNPROCESSABLE'
  | 'RATE_LIMITED'
  | 'UPSTREAM_UNAVAILABLE'
  | 'INTERNAL';

/** Options shared by every {@link AppError}. */
export interface AppErrorOptions {
  /** Machine-readable details safe to show to the caller (e.g. the failing field path). */
  details?: Record<string, unknown>;
  /** The underlying error, kept for logs; never sent to the caller. */
  cause?: unknown;
  /** Extra HTTP headers for the response (e.g. `Retry-After`). */
  headers?: Record<string, string>;
}

/**
 * The one error hierarchy of the app. Each error carries a stable {@link ErrorCode}, the HTTP
 * status it maps to, and whether its message may be shown to the caller (`expose`).
 * 5xx errors never expose their message: the HTTP mapping replaces it with a generic one.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly expose: boolean;
  readonly details?: Record<string, unknown>;
  readonly headers?: Record<string, string>;

  constructor(code: ErrorCode, status: number, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.status = status;
    this.expose = status < 500;
    if (options.details) this.details = options.details;
    if (options.headers) this.headers = options.headers;
  }
}

/** Malformed input (bad JSON, wrong shape). 400. */
export class BadRequestError extends AppError {
  constructor(message: string, options?: AppErrorOptions) {
    super('BAD_REQUEST', 400, message, options);
  }
}

/** Input that parsed but failed schema validation; `details.path` names the failing field. 400. */
export class ValidationError extends AppError {
  constructor(message: string, options?: AppErrorOptions) {
    super('VALIDATION_FAILED', 400, message, options);
  }
}

/** Missing or wrong credentials (HMAC, webhook secret). 401. */
export class UnauthorizedError extends AppError {
  constructor(message = 'Unauthorized', options?: AppErrorOptions) {
    super('UNAUTHORIZED', 401, message, options);
  }
}

/** Authenticated but not allowed (e.g. missing CSRF token). 403. */
export class ForbiddenError extends AppError {
  constructor(message = 'Forbidden', options?: AppErrorOptions) {
    super('FORBIDDEN', 403, message, options);
  }
}

/** Unknown resource, or one that belongs to someone else. 404. */
export class NotFoundError extends AppError {
  constructor(message = 'Not found', options?: AppErrorOptions) {
    super('NOT_FOUND', 404, message, options);
  }
}

/** The resource is in a state that forbids the request (e.g. already paid). 409. */
export class ConflictError extends AppError {
  constructor(message: string, options?: AppErrorOptions) {
    super('CONFLICT', 409, message, options);
  }
}

/** The resource is closed for good (e.g. expired or rejected). 410. */
export class GoneError extends AppError {
  constructor(message: string, options?: AppErrorOptions) {
    super('GONE', 410, message, options);
  }
}

/** Body larger than the route accepts. 413. */
export class PayloadTooLargeError extends AppError {
  constructor(message = 'Request body too large', options?: AppErrorOptions) {
    super('PAYLOAD_TOO_LARGE', 413, message, options);
  }
}

/** Body with a content type the route does not accept. 415. */
export class UnsupportedMediaTypeError extends AppError {
  constructor(message = 'Content-Type must be application/json', options?: AppErrorOptions) {
    super('UNSUPPORTED_MEDIA_TYPE', 415, message, options);
  }
}

/** Well-formed input that the business rules refuse (e.g. unsupported currency). 422. */
export class UnprocessableError extends AppError {
  constructor(message: string, options?: AppErrorOptions) {
    super('UNPROCESSABLE', 422, message, options);
  }
}

/** Too many requests; `retryAfterSeconds` becomes a `Retry-After` header. 429. */
export class RateLimitedError extends AppError {
  constructor(message = 'Too many requests', retryAfterSeconds = 1, options?: AppErrorOptions) {
    super('RATE_LIMITED', 429, message, {
      ...options,
      headers: { 'Retry-After': String(retryAfterSeconds), ...options?.headers },
    });
  }
}

/** A dependency (RPC, Shopify, database) failed or timed out. 503; message hidden. */
export class UpstreamUnavailableError extends AppError {
  constructor(message: string, options?: AppErrorOptions) {
    super('UPSTREAM_UNAVAILABLE', 503, message, options);
  }
}

/** A bug or an unexpected state. 500; message hidden. */
export class InternalError extends AppError {
  constructor(message: string, options?: AppErrorOptions) {
    super('INTERNAL', 500, message, options);
  }
}
