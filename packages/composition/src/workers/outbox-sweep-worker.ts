import { createOutboxStore } from '@solpay/persistence';
import type { SweepOutboxDeps } from '@solpay/queue';
import { mutationDispatcher } from '../shared/mutation-dispatcher';
import { outboxClock } from '../shared/outbox-clock';
import { prismaClient } from '../shared/prisma-client';
import { processSingleton } from '../shared/process-singleton';

/** The outbox sweep: the outbox rows and the dispatcher that sends them. */
export const outboxSweepWorker = /* @__PURE__ */ processSingleton(
  (): Omit<SweepOutboxDeps, 'limit'> => ({
    outbox: createOutboxStore(prismaClient()),
    dispatcher: mutationDispatcher().dispatcher,
    clock: outboxClock(),
  }),
);
