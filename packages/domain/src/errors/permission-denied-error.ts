import { DomainError, type DomainErrorOptions } from './domain-error';

/**
 * The caller is known but may not do this (a missing CSRF token, a wallet that failed screening).
 */
export class PermissionDeniedError extends DomainError {
  constructor(message = 'Forbidden', options?: DomainErrorOptions) {
    super(message, options);
  }
}
