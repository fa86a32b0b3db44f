import { DomainError, type DomainErrorOptions } from './domain-error';

/**
 * Well-formed input that a business rule refuses (an unsupported currency, a self-payment, a token
 * account as payout wallet).
 */
export class BusinessRuleViolationError extends DomainError {
  constructor(message: string, options?: DomainErrorOptions) {
    super(message, options);
  }
}
