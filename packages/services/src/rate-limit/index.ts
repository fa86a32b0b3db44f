export * from './create-postgres-rate-limiter';
