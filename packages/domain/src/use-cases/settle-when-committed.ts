import type { EngineDeps } from './engine-deps';
import { settleSignature, type SettleOutcome } from './settle-signature';

/** Options of {@link settleWhenCommitted}. */
export interface SettleWhenCommittedOptions {
  /** Longest time to wait for the transaction to reach the configured commitment. */
  waitMs: number;
  /** Pause between status reads while waiting (default 100 ms). */
  intervalMs?: number;
  /** Waits (tests pass a fake); default `setTimeout`. */
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * {@link settleSignature}, but a transaction of ours that landed and has not yet reached the
 * configured commitment is watched (one status read per `intervalMs`) for up to `waitMs` and
 * settled the moment it does — so the invocation that saw it first sends the resolve right
 * after its commit instead of leaving it to the next poll (DESIGN §3.8). Past `waitMs` it
 * answers as `settleSignature` did; the poll and later hints settle it then.
 */
export async function settleWhenCommitted(
  deps: EngineDeps,
  signature: string,
  options: SettleWhenCommittedOptions,
): Promise<SettleOutcome> {
  const sleep = options.sleep ?? defaultSleep;
  const intervalMs = options.intervalMs ?? 100;
  const deadline = deps.clock.now().getTime() + options.waitMs;
  let outcome = await settleSignature(deps, signature);
  while (
    outcome.outcome === 'invalid' &&
    outcome.validation.reason === 'not-yet-committed' &&
    deps.clock.now().getTime() + intervalMs <= deadline
  ) {
    await sleep(intervalMs);
    const state = (await deps.chain.signatureStates([signature])).get(signature);
    if (!state) continue;
    if (state.failed) return settleSignature(deps, signature);
    if (state.committed) outcome = await settleSignature(deps, signature);
  }
  return outcome;
}
