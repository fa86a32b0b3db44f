import { DomainError, type DomainErrorOptions } from './domain-error';

/**
 * A dependency (Solana RPC, Shopify, screening, the database) failed or did not answer; worth a
 * retry.
 */
export class DependencyUnavailableError extends DomainError {
  constructor(message: string, options?: DomainErrorOptions) {
    super(message, options);
  }
}
