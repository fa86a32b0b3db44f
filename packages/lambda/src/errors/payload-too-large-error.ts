import type { DomainErrorOptions } from '@solpay/domain';

/** The request body is larger than the route accepts (an HTTP adapter refusal). */
export class PayloadTooLargeError extends Error {
  /** Facts shown to the caller (`maxBytes`). */
  readonly details?: Record<string, unknown>;

  constructor(message = 'Request body too large', options: DomainErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PayloadTooLargeError';
    if (options.details) this.details = options.details;
  }
}
