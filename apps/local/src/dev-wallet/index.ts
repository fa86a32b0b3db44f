export * from './create-dev-wallet';
export * from './dev-wallet-options';
export * from './verify-wallet-transaction';
export * from './dev-wallet-site-options';
