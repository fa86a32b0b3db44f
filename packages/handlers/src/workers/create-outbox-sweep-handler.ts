import { createWorkerHandler } from '@solpay/lambda';
import { sweepOutbox, type SweepOutboxDeps } from '@solpay/queue';
import * as z from 'zod';
import type { Compose } from '../compose';
import { lazyHandler } from '../lazy-handler';

/** Most outbox rows one run sends (oldest due first); the next run takes the rest. */
const SWEEP_LIMIT = 50;

/**
 * The outbox backstop (EventBridge `rate(1 minute)`): sends every Shopify mutation that is due
 * and not held by a live worker — after a crash between commit and send, a lost retry message,
 * or when no retry queue is configured. Returns how many rows it examined.
 */
export function createOutboxSweepHandler(compose: Compose<Omit<SweepOutboxDeps, 'limit'>>) {
  return lazyHandler(() =>
    createWorkerHandler('outbox-sweep', z.unknown(), async () => {
      const report = await sweepOutbox({ ...compose(), limit: SWEEP_LIMIT });
      return { examined: report.examined };
    }),
  );
}
