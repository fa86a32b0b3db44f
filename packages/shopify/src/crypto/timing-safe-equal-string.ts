import { timingSafeEqual } from 'node:crypto';

/**
 * Compares two strings in constant time (for equal lengths) using `crypto.timingSafeEqual`.
 * Strings of different byte length are unequal; only their length can leak, which is public
 * for the digests this is used with (hex / base64 of a fixed-size HMAC).
 */
export function timingSafeEqualString(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  if (left.length !== right.length) return false;
  return timingSafeEqual(left, right);
}
