import { createWorkerHandler } from '@solpay/lambda';
import { sweepOutbox } from '@solpay/queue';
import { createOutboxStore, getAppServices } from '@solpay/services';
import { z } from 'zod';

/** Most outbox rows one run sends (oldest due first); the next run takes the rest. */
const SWEEP_LIMIT = 50;

/**
 * The outbox backstop (EventBridge `rate(1 minute)`): sends every Shopify mutation that is due
 * and not held by a live worker — after a crash between commit and send, a lost retry message,
 * or when no retry queue is configured. Returns how many rows it examined.
 */
export const handler = createWorkerHandler('outbox-sweep', z.unknown(), async () => {
  const services = getAppServices();
  const report = await sweepOutbox({
    outbox: createOutboxStore(services.prisma),
    dispatcher: services.dispatcher,
    limit: SWEEP_LIMIT,
    clock: services.outboxClock,
  });
  return { examined: report.examined };
});
