import type { PrismaClient } from '@solpay/db';
import type { DispatchResult } from '../dispatch/dispatch-result';
import type { MutationDispatcher } from '../dispatch/create-mutation-dispatcher';
import type { Clock } from '../ports/clock';
import { systemClock } from '../ports/clock';

/** Dependencies and options of {@link sweepOutbox}. */
export interface SweepOutboxDeps {
  prisma: PrismaClient;
  dispatcher: Pick<MutationDispatcher, 'dispatch'>;
  /** Most rows handled per run (oldest due first). */
  limit: number;
  clock?: Clock;
}

/** What one sweep did, per mutation id. */
export interface SweepOutboxReport {
  examined: number;
  results: { mutationId: string; result: DispatchResult }[];
}

/**
 * The backstop of the outbox: dispatches every row that is due and not held by a live worker
 * (PENDING with `nextAttemptAt` passed, or IN_FLIGHT with an expired lock). Covers a crash between
 * the commit and the first send, a lost retry message, and a worker that died mid-send.
 * Safe to run concurrently with the retry machinery: claims are atomic.
 */
export async function sweepOutbox(deps: SweepOutboxDeps): Promise<SweepOutboxReport> {
  const now = (deps.clock ?? systemClock).now();
  const due = await deps.prisma.shopifyMutation.findMany({
    where: {
      OR: [
        { status: 'PENDING', nextAttemptAt: { lte: now } },
        { status: 'IN_FLIGHT', lockedUntil: { lt: now } },
      ],
    },
    orderBy: { nextAttemptAt: 'asc' },
    take: deps.limit,
    select: { id: true },
  });
  const results: SweepOutboxReport['results'] = [];
  for (const { id } of due) {
    results.push({ mutationId: id, result: await deps.dispatcher.dispatch(id) });
  }
  return { examined: due.length, results };
}
