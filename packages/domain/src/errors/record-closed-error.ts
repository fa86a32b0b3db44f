import { DomainError, type DomainErrorOptions } from './domain-error';

/** The record is closed for good: it expired, was cancelled or rejected, or its shop left. */
export class RecordClosedError extends DomainError {
  constructor(message: string, options?: DomainErrorOptions) {
    super(message, options);
  }
}
