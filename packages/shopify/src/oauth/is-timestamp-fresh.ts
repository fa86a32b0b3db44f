/** Tolerance used by `@shopify/shopify-api` for the `timestamp` of signed queries. */
export const DEFAULT_TIMESTAMP_TOLERANCE_SECONDS = 90;

/**
 * True when `timestamp` (Unix seconds, as the query string carries it) is within
 * `toleranceSeconds` of `now`, in either direction (clocks drift both ways). A value that is
 * not an integer is never fresh.
 */
export function isTimestampFresh(
  timestamp: string | number | undefined,
  now: Date,
  toleranceSeconds: number = DEFAULT_TIMESTAMP_TOLERANCE_SECONDS,
): boolean {
  if (timestamp === undefined) return false;
  if (typeof timestamp === 'string' && !/^\d{1,15}$/.test(timestamp)) return false;
  const seconds = Number(timestamp);
  if (!Number.isSafeInteger(seconds)) return false;
  const nowSeconds = Math.trunc(now.getTime() / 1000);
  return Math.abs(nowSeconds - seconds) <= toleranceSeconds;
}
