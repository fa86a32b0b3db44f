import { DomainError, type DomainErrorOptions } from './domain-error';

/**
 * The deployment's own settings are wrong (an empty label, a missing ARN): a bug on our side,
 * never the caller's.
 */
export class MisconfigurationError extends DomainError {
  constructor(message: string, options?: DomainErrorOptions) {
    super(message, options);
  }
}
