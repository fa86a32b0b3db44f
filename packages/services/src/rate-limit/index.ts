export * from './rate-limit-rule';
export * from './create-postgres-rate-limiter';
