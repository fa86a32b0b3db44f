import type { QueryCost } from './payments-apps-response';

/**
 * Parses a `Retry-After` header (delay in seconds, or an HTTP date) into milliseconds from
 * `now`. Returns `undefined` when absent or unparsable; never negative.
 */
export function parseRetryAfterMs(value: string | null | undefined, now: Date): number | undefined {
  const trimmed = value?.trim();
  if (trimmed === undefined || trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  // HTTP dates start with a day name (IMF-fixdate, RFC 850, asctime); anything else is junk
  // that Date.parse might still accept (e.g. "-3" as the year -3).
  if (!/^[A-Za-z]{3,9},?\s/.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

/**
 * How long to wait after a `THROTTLED` answer before the bucket holds enough points for the
 * query again: `(requestedQueryCost - currentlyAvailable) / restoreRate` seconds, at least 1 s.
 * `undefined` when the response carries no usable cost data.
 */
export function throttleWaitMs(cost: QueryCost | undefined): number | undefined {
  const status = cost?.throttleStatus;
  const requested = cost?.requestedQueryCost;
  if (status === undefined || requested === undefined || status.restoreRate <= 0) {
    return undefined;
  }
  const missing = Math.max(0, requested - status.currentlyAvailable);
  return Math.max(1000, Math.ceil((missing / status.restoreRate) * 1000));
}
