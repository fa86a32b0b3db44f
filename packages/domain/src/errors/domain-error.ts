/** Options shared by every {@link DomainError}. */
export interface DomainErrorOptions {
  /** Machine-readable facts safe to show to the caller (e.g. `path` of the failing field). */
  details?: Record<string, unknown>;
  /** The underlying error, kept for logs; never shown to the caller. */
  cause?: unknown;
}

/**
 * Base of the errors the app raises on purpose, each named by what happened. They carry no
 * transport facts (no HTTP status, no headers): the HTTP adapter maps each class in one table
 * (`packages/lambda/src/errors/http-error-table.ts`).
 */
export abstract class DomainError extends Error {
  /** Facts safe to show to the caller, when the adapter shows the message at all. */
  readonly details?: Record<string, unknown>;

  constructor(message: string, options: DomainErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    if (options.details) this.details = options.details;
  }
}
