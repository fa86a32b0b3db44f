import { DomainError, type DomainErrorOptions } from './domain-error';

/** The named payment, refund, shop or route does not exist, or belongs to someone else. */
export class UnknownRecordError extends DomainError {
  constructor(message = 'Not found', options?: DomainErrorOptions) {
    super(message, options);
  }
}
