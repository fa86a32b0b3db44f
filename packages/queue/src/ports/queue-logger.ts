/** The structured logger the queue code writes to (satisfied by `@solpay/lambda`'s logger). */
export interface QueueLogger {
  /** Routine progress. */
  info(message: string, context?: Record<string, unknown>): void;
  /** Something failed but will be retried. */
  warn(message: string, context?: Record<string, unknown>): void;
  /** Something needs a human. */
  error(message: string, context?: Record<string, unknown>): void;
}

/** A logger that drops everything (for CLIs and tests that do not care). */
export const silentLogger: QueueLogger = { info: () => {}, warn: () => {}, error: () => {} };
