import type { Clock } from '@solpay/domain';
import type { DispatchResult } from '../dispatch/dispatch-result';
import type { MutationDispatcher } from '../dispatch/create-mutation-dispatcher';
import type { OutboxStatus, OutboxStore } from '../ports/outbox-store';

/** Which rows to replay. */
export type ReplaySelection = { mutationIds: string[] } | { allExhausted: true };

/** Options of {@link replayMutations}. */
export interface ReplayMutationsDeps {
  outbox: Pick<OutboxStore, 'idsWithStatus' | 'reopen' | 'find'>;
  dispatcher: Pick<MutationDispatcher, 'dispatch'>;
  clock: Clock;
}

/** What happened to one selected row. */
export type ReplayOutcome =
  | { mutationId: string; replayed: true; result: DispatchResult }
  | {
      mutationId: string;
      replayed: false;
      reason: 'not-found' | 'not-replayable';
      status?: OutboxStatus;
    };

/**
 * Operator replay: moves EXHAUSTED rows (and FAILED ones with `force`) back to PENDING with a
 * fresh attempt budget, then dispatches each once (later failures follow the normal retry path).
 * SUCCEEDED rows are never replayed.
 */
export async function replayMutations(
  deps: ReplayMutationsDeps,
  selection: ReplaySelection,
  options: { force?: boolean } = {},
): Promise<ReplayOutcome[]> {
  const replayable: OutboxStatus[] = options.force ? ['EXHAUSTED', 'FAILED'] : ['EXHAUSTED'];
  const ids =
    'allExhausted' in selection
      ? await deps.outbox.idsWithStatus(replayable)
      : selection.mutationIds;

  const outcomes: ReplayOutcome[] = [];
  for (const mutationId of ids) {
    const reopened = await deps.outbox.reopen(mutationId, replayable, deps.clock.now());
    if (!reopened) {
      const row = await deps.outbox.find(mutationId);
      outcomes.push(
        row
          ? { mutationId, replayed: false, reason: 'not-replayable', status: row.status }
          : { mutationId, replayed: false, reason: 'not-found' },
      );
      continue;
    }
    outcomes.push({
      mutationId,
      replayed: true,
      result: await deps.dispatcher.dispatch(mutationId),
    });
  }
  return outcomes;
}
