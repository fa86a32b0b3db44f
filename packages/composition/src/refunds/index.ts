/*
 * The refunds capability: Shopify's refund session request. Refunds that cannot be paid are
 * rejected at Shopify through the outbox, so this route has the dispatch port; it reads no
 * chain (the decision is made from the stored payment).
 */

export * from './refund-session-route';
