import { createOutboxSweepHandler, outboxSweepWorker } from '@solpay/services';

/** The outbox backstop (EventBridge `rate(1 minute)`): sends every due Shopify mutation. */
export const handler = createOutboxSweepHandler(outboxSweepWorker);
