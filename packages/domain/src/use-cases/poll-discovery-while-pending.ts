import type { DomainLogger } from '../ports/domain-logger';
import type { EngineDeps } from './engine-deps';
import {
  runDiscoveryPoll,
  type DiscoveryPollBudget,
  type DiscoveryPollReport,
} from './run-discovery-poll';

/** Pause between runs of a scheduled invocation while served transactions are pending. */
export const DISCOVERY_POLL_INTERVAL_MS = 3_000;

/** How long a scheduled invocation keeps polling unless told otherwise. */
export const SCHEDULED_DISCOVERY_LOOP_SECONDS = 45;

/** What {@link pollDiscoveryWhilePending} needs. */
export interface PollDiscoveryDeps {
  engine: EngineDeps;
  /** Deletes rate-limit counters of finished windows; returns how many. */
  pruneRateLimitCounters(): Promise<number>;
  sleep(ms: number): Promise<void>;
  logger: DomainLogger;
}

/** One invocation of the discovery poll. */
export interface PollDiscoveryInput {
  /** Started by the schedule (EventBridge) rather than by hand or the local timer. */
  scheduled: boolean;
  /** Keep polling this long while transactions are pending (default: 45 s when scheduled). */
  loopSeconds?: number;
  /** Time left in the invocation; each run keeps inside it (see `runDiscoveryPoll`). */
  budget: DiscoveryPollBudget;
}

/** The last run's counts, how many runs there were, and how many counters were pruned. */
export type PollDiscoveryReport = DiscoveryPollReport & {
  runs: number;
  prunedRateLimitCounters: number;
};

/**
 * One invocation of the scheduled discovery fallback: runs `runDiscoveryPoll` and, beside its
 * first run, prunes expired rate-limit counters (a failure is logged, never fails the poll: the
 * counters only take space). The prune shares nothing with the run, so the run's first RPC round
 * trip does not wait for it (DESIGN §3.8). EventBridge cannot schedule more often than once a
 * minute, so a scheduled invocation keeps polling every 3 s while served transactions are
 * pending (a webhook arrives at `confirmed`, before the `finalized` commitment Shopify waits for)
 * and stops as soon as nothing is pending.
 */
export async function pollDiscoveryWhilePending(
  deps: PollDiscoveryDeps,
  input: PollDiscoveryInput,
): Promise<PollDiscoveryReport> {
  const loopSeconds = input.loopSeconds ?? (input.scheduled ? SCHEDULED_DISCOVERY_LOOP_SECONDS : 0);
  const now = () => deps.engine.clock.now().getTime();
  const deadline = now() + loopSeconds * 1000;
  const prune = async (): Promise<number> => {
    try {
      return await deps.pruneRateLimitCounters();
    } catch (error) {
      deps.logger.warn('pruning rate-limit counters failed', { error });
      return 0;
    }
  };
  const pruning = prune();
  // A failing run still waits for the prune beside it (`prune` itself never fails).
  let report = await runDiscoveryPoll(deps.engine, undefined, input.budget).finally(() => pruning);
  const prunedRateLimitCounters = await pruning;
  let runs = 1;
  while (report.checked > 0 && now() + DISCOVERY_POLL_INTERVAL_MS < deadline) {
    await deps.sleep(DISCOVERY_POLL_INTERVAL_MS);
    report = await runDiscoveryPoll(deps.engine, undefined, input.budget);
    runs += 1;
  }
  return { ...report, runs, prunedRateLimitCounters };
}
