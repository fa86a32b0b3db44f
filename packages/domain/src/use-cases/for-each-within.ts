/**
 * Runs `fn` over `items`, `concurrency` at a time, starting no new item once fewer than
 * `stopAtMs` of the budget remain; returns how many were left for the next run.
 */
export async function forEachWithin<T>(
  items: readonly T[],
  concurrency: number,
  remainingMs: () => number,
  stopAtMs: number,
  fn: (item: T) => Promise<void>,
): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && remainingMs() > stopAtMs) {
      const item = items[next] as T;
      next += 1;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return items.length - next;
}
