import { gdprWebhookRoute } from '@solpay/composition';
import { createGdprWebhookHandler } from '@solpay/handlers';

/** `POST /gdpr/*` (green): Shopify's mandatory privacy webhooks (HMAC first, once per webhook id). */
export const handler = createGdprWebhookHandler(gdprWebhookRoute);
