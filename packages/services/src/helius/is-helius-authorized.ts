import { constantTimeEqual } from '@solpay/domain';

/**
 * Whether a Helius delivery carries our secret: Helius sends the configured `authHeader`
 * verbatim in `Authorization` (specs §C.1). Compared in constant time whatever the lengths; a
 * missing header never matches.
 */
export function isHeliusAuthorized(authorization: string | undefined, secret: string): boolean {
  if (authorization === undefined || authorization === '') return false;
  return constantTimeEqual(authorization, secret);
}
