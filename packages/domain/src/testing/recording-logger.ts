import type { DomainLogger } from '../ports/domain-logger';

/** One line a use case logged. */
export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  fields: Record<string, unknown>;
}

/** A {@link DomainLogger} that keeps every line, so tests can read what an operator would see. */
export class RecordingLogger implements DomainLogger {
  readonly entries: LogEntry[] = [];

  info(message: string, fields: Record<string, unknown> = {}): void {
    this.entries.push({ level: 'info', message, fields });
  }

  warn(message: string, fields: Record<string, unknown> = {}): void {
    this.entries.push({ level: 'warn', message, fields });
  }

  error(message: string, fields: Record<string, unknown> = {}): void {
    this.entries.push({ level: 'error', message, fields });
  }

  /** The lines of one level. */
  at(level: LogEntry['level']): LogEntry[] {
    return this.entries.filter((entry) => entry.level === level);
  }
}
