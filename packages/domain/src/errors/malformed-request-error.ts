import { DomainError, type DomainErrorOptions } from './domain-error';

/**
 * A request that cannot be read at all: not JSON, a required part missing, a garbled header or
 * escape.
 */
export class MalformedRequestError extends DomainError {
  constructor(message: string, options?: DomainErrorOptions) {
    super(message, options);
  }
}
