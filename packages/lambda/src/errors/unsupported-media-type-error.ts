import type { DomainErrorOptions } from '@solpay/domain';

/** The request body has a content type the route does not read (an HTTP adapter refusal). */
export class UnsupportedMediaTypeError extends Error {
  /** Facts shown to the caller. */
  readonly details?: Record<string, unknown>;

  constructor(message = 'Content-Type must be application/json', options: DomainErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'UnsupportedMediaTypeError';
    if (options.details) this.details = options.details;
  }
}
