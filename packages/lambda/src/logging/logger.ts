import type { LogLevel } from './log-level';
import { redact } from './redact';

/** Structured fields attached to a log line. */
export type LogFields = Record<string, unknown>;

/** A structured JSON logger bound to a service and (optionally) a request id. */
export interface Logger {
  /** Detail for debugging; off at the default level. */
  debug(msg: string, fields?: LogFields): void;
  /** Normal events (one per request, state changes). */
  info(msg: string, fields?: LogFields): void;
  /** Something odd that the app handled (a 4xx, a retry). */
  warn(msg: string, fields?: LogFields): void;
  /** A failure needing attention (a 5xx, a message given up on). */
  error(msg: string, fields?: LogFields): void;
  /** A logger adding `fields` to every line. */
  child(fields: LogFields): Logger;
}

/** Where finished log lines go (one JSON document, no trailing newline). */
export type LogWrite = (line: string) => void;

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** Service name on every line. */
  service: string;
  /** Lines below this level are dropped. */
  level: LogLevel;
  /** The request the lines belong to. */
  requestId?: string;
  /** Fields on every line. */
  fields?: LogFields;
  /** Line sink; defaults to stdout (CloudWatch on Lambda). */
  write?: LogWrite;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };
const RESERVED = new Set(['level', 'time', 'service', 'requestId', 'msg']);

const writeToStdout: LogWrite = (line) => {
  process.stdout.write(`${line}\n`);
};

/**
 * Creates a logger writing one JSON line per call: `level, time, service, requestId, msg` then
 * the fields. Fields pass through {@link redact}, so secrets never reach the logs.
 */
export function createLogger(options: LoggerOptions): Logger {
  const write = options.write ?? writeToStdout;
  const threshold = RANK[options.level];
  const bound = options.fields ?? {};

  const log = (level: Exclude<LogLevel, 'silent'>, msg: string, fields?: LogFields) => {
    if (RANK[level] < threshold) return;
    const safe = redact({ ...bound, ...fields }) as LogFields;
    const line: LogFields = {
      level,
      time: new Date().toISOString(),
      service: options.service,
      requestId: options.requestId,
      msg,
    };
    for (const [key, value] of Object.entries(safe)) {
      if (!RESERVED.has(key)) line[key] = value;
    }
    write(JSON.stringify(line));
  };

  return {
    debug: (msg, fields) => log('debug', msg, fields),
    info: (msg, fields) => log('info', msg, fields),
    warn: (msg, fields) => log('warn', msg, fields),
    error: (msg, fields) => log('error', msg, fields),
    child: (fields) => createLogger({ ...options, fields: { ...bound, ...fields } }),
  };
}
