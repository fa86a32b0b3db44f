/*
 * The privacy capability: Shopify's mandatory GDPR webhooks. PostgreSQL only: no chain, no
 * Shopify call, no queue.
 */

export * from './gdpr-webhook-route';
