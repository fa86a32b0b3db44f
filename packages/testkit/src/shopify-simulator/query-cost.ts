import type { SimulatorState } from './simulator-state';

const MAXIMUM_AVAILABLE = 1000;
const RESTORE_RATE = 50;

/** Cost of one mutation field, as Shopify reports for the Payments Apps mutations. */
export const MUTATION_COST = 10;

/**
 * Charges `cost` to the shop's leaky bucket and returns the `extensions.cost` object Shopify
 * sends. The simulator reports the bucket but only throttles through injected faults.
 */
export function chargeQueryCost(
  state: SimulatorState,
  shop: string | null,
  cost: number,
): Record<string, unknown> {
  const key = shop ?? '';
  const now = state.now();
  const bucket = state.costBuckets.get(key) ?? { available: MAXIMUM_AVAILABLE, at: now };
  const restored = Math.min(
    MAXIMUM_AVAILABLE,
    bucket.available + ((now - bucket.at) / 1000) * RESTORE_RATE,
  );
  const available = Math.max(0, restored - cost);
  state.costBuckets.set(key, { available, at: now });
  return costExtension(cost, cost, available);
}

/** The `extensions.cost` object of a throttled call (nothing available, nothing spent). */
export function throttledCost(cost: number): Record<string, unknown> {
  return costExtension(cost, null, 0);
}

function costExtension(
  requested: number,
  actual: number | null,
  available: number,
): Record<string, unknown> {
  return {
    requestedQueryCost: requested,
    actualQueryCost: actual,
    throttleStatus: {
      maximumAvailable: MAXIMUM_AVAILABLE,
      currentlyAvailable: Math.floor(available),
      restoreRate: RESTORE_RATE,
    },
  };
}
