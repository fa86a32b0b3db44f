/** The logging the use cases need (the Lambda adapter's structured logger satisfies it). */
export interface DomainLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}
