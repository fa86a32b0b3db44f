import { DomainError, type DomainErrorOptions } from './domain-error';

/** The caller made too many requests in the current window. */
export class RateLimitExceededError extends DomainError {
  /** Whole seconds until the window that refused the request ends. */
  readonly retryAfterSeconds: number;

  constructor(message = 'Too many requests', retryAfterSeconds = 1, options?: DomainErrorOptions) {
    super(message, options);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
