import { DomainError, type DomainErrorOptions } from './domain-error';

/**
 * Input that was read but holds a value the rules do not accept (`details.path` names the field).
 */
export class InvalidInputError extends DomainError {
  constructor(message: string, options?: DomainErrorOptions) {
    super(message, options);
  }
}
