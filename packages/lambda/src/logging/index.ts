export * from './log-level';
export * from './logger';
export * from './redact';
