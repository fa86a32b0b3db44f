/**
 * Shortens a long identifier (address, signature) to its start and end (`4Nd1…kY9q`) for
 * tables; short values are returned unchanged. The full value belongs in a `title` or nearby.
 */
export function shortenMiddle(value: string, keep = 4): string {
  return value.length <= keep * 2 + 1 ? value : `${value.slice(0, keep)}…${value.slice(-keep)}`;
}
