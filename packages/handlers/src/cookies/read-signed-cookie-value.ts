import { constantTimeEqual } from '@solpay/domain';
import { cookieSignature } from './sign-cookie-value';

/**
 * The value of a cookie signed with `signCookieValue`, or null when it is absent, malformed or
 * its signature does not verify (compared in constant time).
 */
export function readSignedCookieValue(
  name: string,
  signed: string | undefined,
  secret: string,
): string | null {
  if (signed === undefined) return null;
  const dot = signed.lastIndexOf('.');
  if (dot <= 0) return null;
  const value = signed.slice(0, dot);
  const signature = signed.slice(dot + 1);
  return constantTimeEqual(signature, cookieSignature(name, value, secret)) ? value : null;
}
