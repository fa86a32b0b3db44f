import type { MutationDispatchPort } from '@solpay/domain';
import type { MutationDispatcher } from '@solpay/queue';

/** Options of {@link createDispatchPort}. */
export interface DispatchPortOptions {
  /**
   * How long a caller waits for the first attempts before answering anyway (default 1500 ms).
   * Slower sends keep running; if the process stops first, the outbox sweep delivers them.
   */
  budgetMs?: number;
}

/**
 * The domain's {@link MutationDispatchPort} over the outbox dispatcher: makes the first attempt
 * of every new outbox row right after its commit, all in parallel, but never holds the caller
 * (a webhook that Helius wants answered within ~1 s, a page poll) longer than the budget.
 * Never throws: a row that was not sent stays due and the sweep sends it.
 */
export function createDispatchPort(
  dispatcher: Pick<MutationDispatcher, 'dispatchSoon'>,
  options: DispatchPortOptions = {},
): MutationDispatchPort {
  const budgetMs = options.budgetMs ?? 1500;
  return {
    async dispatchSoon(mutationIds) {
      if (mutationIds.length === 0) return;
      const attempts = Promise.all(mutationIds.map((id) => dispatcher.dispatchSoon(id)));
      let timer: NodeJS.Timeout | undefined;
      const budget = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, budgetMs);
        timer.unref();
      });
      await Promise.race([attempts.then(() => undefined), budget]).finally(() =>
        clearTimeout(timer),
      );
    },
  };
}
