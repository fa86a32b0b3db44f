import { createGdprWebhookHandler, gdprWebhookRoute } from '@solpay/services';

/** `POST /gdpr/*` (green): Shopify's mandatory privacy webhooks (HMAC first, once per webhook id). */
export const handler = createGdprWebhookHandler(gdprWebhookRoute);
