import { createHeliusWebhookHandler, heliusWebhookRoute } from '@solpay/services';

/** `POST /webhooks/helius` (purple): signature hints from Helius, settled from chain data. */
export const handler = createHeliusWebhookHandler(heliusWebhookRoute);
