/** Inputs of {@link canSweep}. */
export interface CanSweepInput {
  /** The cluster's current block height (read it at `finalized` to be conservative). */
  currentBlockHeight: number;
  /** `lastValidBlockHeight` of every transaction ever served with this guard. */
  lastValidBlockHeights: readonly number[];
}

/**
 * Whether a guard's rent may be swept back: only once every transaction served with it is past
 * its `lastValidBlockHeight` (a transaction may land while `blockHeight ≤ lastValidBlockHeight`).
 * Sweeping earlier would empty the address and let a still-valid served transaction land again.
 * The caller must also make sure the record is never served again with this guard.
 */
export function canSweep({ currentBlockHeight, lastValidBlockHeights }: CanSweepInput): boolean {
  return lastValidBlockHeights.every((height) => currentBlockHeight > height);
}
