export * from './embedded-metric-line';
export * from './check-gas-balance';
