/*
 * The payments capability: Shopify's payment session, the wallet's transaction request, the
 * checkout page's status and Helius's signature hints. One builder per route, so each Lambda
 * bundle carries only what its route uses (the session route sends no Shopify mutation, so it
 * has no outbox and no SQS client).
 */

export * from './payment-session-route';
export * from './transaction-request-route';
export * from './checkout-status-route';
export * from './helius-webhook-route';
