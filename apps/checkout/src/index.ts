// The checkout page's contracts, for servers and tests (the page itself starts from `main.ts`).
export * from './api/checkout-payment';
export { webConfigSchema, type WebConfig } from '@solpay/web';
