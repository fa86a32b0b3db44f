export * from './embedded-metric-line';
export * from './gas-balance-metric';
