import type { PrismaClient, ShopifyMutationStatus } from '@solpay/db';
import type { DispatchResult } from '../dispatch/dispatch-result';
import type { MutationDispatcher } from '../dispatch/create-mutation-dispatcher';
import type { Clock } from '../ports/clock';

/** Which rows to replay. */
export type ReplaySelection = { mutationIds: string[] } | { allExhausted: true };

/** Options of {@link replayMutations}. */
export interface ReplayMutationsDeps {
  prisma: PrismaClient;
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
      status?: ShopifyMutationStatus;
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
  const replayable: ShopifyMutationStatus[] = options.force
    ? ['EXHAUSTED', 'FAILED']
    : ['EXHAUSTED'];
  const ids =
    'allExhausted' in selection
      ? (
          await deps.prisma.shopifyMutation.findMany({
            where: { status: { in: replayable } },
            orderBy: { createdAt: 'asc' },
            select: { id: true },
          })
        ).map((row) => row.id)
      : selection.mutationIds;

  const outcomes: ReplayOutcome[] = [];
  for (const mutationId of ids) {
    const reset = await deps.prisma.shopifyMutation.updateMany({
      where: { id: mutationId, status: { in: replayable } },
      data: {
        status: 'PENDING',
        attempts: 0,
        nextAttemptAt: deps.clock.now(),
        lockedUntil: null,
        completedAt: null,
      },
    });
    if (reset.count === 0) {
      const row = await deps.prisma.shopifyMutation.findUnique({
        where: { id: mutationId },
        select: { status: true },
      });
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
