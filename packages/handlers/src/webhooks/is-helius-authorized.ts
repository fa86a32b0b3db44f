import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * Whether a Helius delivery carries our secret: Helius sends the configured `authHeader`
 * verbatim in `Authorization` (specs §C.1). Both sides are hashed first so the comparison is
 * constant time whatever their lengths; a missing header never matches.
 */
export function isHeliusAuthorized(authorization: string | undefined, secret: string): boolean {
  if (authorization === undefined || authorization === '') return false;
  return timingSafeEqual(digest(authorization), digest(secret));
}
