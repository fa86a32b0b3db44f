export * from './local-chain';
export * from './shopify-simulator';
export * from './certs';
export * from './browser';
export * from './polling';
