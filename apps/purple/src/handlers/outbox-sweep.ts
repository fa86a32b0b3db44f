import { outboxSweepWorker } from '@solpay/composition';
import { createOutboxSweepHandler } from '@solpay/handlers';

/** The outbox backstop (EventBridge `rate(1 minute)`): sends every due Shopify mutation. */
export const handler = createOutboxSweepHandler(outboxSweepWorker);
