import { systemClock, type Clock } from '@solpay/domain';
import type { DispatchResult } from '../dispatch/dispatch-result';
import type { MutationDispatcher } from '../dispatch/create-mutation-dispatcher';
import type { OutboxStore } from '../ports/outbox-store';

/** Dependencies and options of {@link sweepOutbox}. */
export interface SweepOutboxDeps {
  outbox: Pick<OutboxStore, 'dueIds'>;
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
  const due = await deps.outbox.dueIds(now, deps.limit);
  const results: SweepOutboxReport['results'] = [];
  for (const id of due) {
    results.push({ mutationId: id, result: await deps.dispatcher.dispatch(id) });
  }
  return { examined: due.length, results };
}
