import { DomainError, type DomainErrorOptions } from './domain-error';

/** The caller could not prove who it is: a missing or wrong signature, secret or session. */
export class AuthenticationFailedError extends DomainError {
  constructor(message = 'Unauthorized', options?: DomainErrorOptions) {
    super(message, options);
  }
}
