import { heliusWebhookRoute } from '@solpay/composition';
import { createHeliusWebhookHandler } from '@solpay/handlers';

/** `POST /webhooks/helius` (purple): signature hints from Helius, settled from chain data. */
export const handler = createHeliusWebhookHandler(heliusWebhookRoute);
