import { DomainError, type DomainErrorOptions } from './domain-error';

/**
 * The record or merchant is in a state that forbids the request now (already paid, not set up,
 * busy).
 */
export class StateConflictError extends DomainError {
  constructor(message: string, options?: DomainErrorOptions) {
    super(message, options);
  }
}
