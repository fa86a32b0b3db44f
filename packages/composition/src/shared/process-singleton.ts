/** Releases what one singleton built. */
type Release = () => Promise<void> | void;

const built = new Set<Release>();

/**
 * One value per process (a Lambda instance, or the local stack's process), built on first use:
 * the composition's way of sharing a database pool or an SDK client between the routes of one
 * process without a global service locator. `release` runs at {@link closeComposition}. Call it
 * with a `@__PURE__` annotation at module level, so a bundle that never uses the value drops it.
 */
export function processSingleton<T>(build: () => T, release?: (value: T) => Promise<void> | void) {
  let current: { value: T } | undefined;
  return (): T => {
    if (current) return current.value;
    const value = build();
    current = { value };
    const forget: Release = async () => {
      current = undefined;
      built.delete(forget);
      await release?.(value);
    };
    built.add(forget);
    return value;
  };
}

/**
 * Releases everything the composition built in this process (database pools, AWS clients) and
 * forgets it, so the next use builds anew. Lambda never needs it; the local stack and tests do.
 */
export async function closeComposition(): Promise<void> {
  const releases = [...built];
  for (const release of releases.reverse()) await release();
}
