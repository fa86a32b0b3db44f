import type { EngineDeps } from './engine-deps';
import { settleWhenCommitted } from './settle-when-committed';

/**
 * How long a delivery waits for a transaction of ours that landed to reach the configured
 * commitment (Helius delivers at `confirmed`): finality on mainnet since Alpenglow takes
 * ~150 ms, so the resolve leaves from this invocation; on slower clusters the poll settles it.
 */
export const SIGNATURE_HINT_COMMITMENT_WAIT_MS = 2_000;

/**
 * Settles what a delivery of signature hints names. Each signature is only a hint —
 * `settleSignature` validates it from chain data and moves a record at most once however often
 * it arrives; a transaction of ours not yet at the configured commitment is watched for up to
 * 2 s and settled (resolve sent) as soon as it is. Returns how many arrived and how many paid.
 */
export async function settleSignatureHints(
  engine: EngineDeps,
  signatures: readonly string[],
): Promise<{ received: number; settled: number }> {
  const outcomes = await Promise.all(
    signatures.map((signature) =>
      settleWhenCommitted(engine, signature, { waitMs: SIGNATURE_HINT_COMMITMENT_WAIT_MS }),
    ),
  );
  const settled = outcomes.filter((outcome) => outcome.outcome === 'paid').length;
  return { received: signatures.length, settled };
}
