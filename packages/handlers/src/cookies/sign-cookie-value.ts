import { createHmac } from 'node:crypto';

/**
 * Signs a cookie value: `<value>.<base64url HMAC-SHA256(secret, name + "|" + value)>`. The
 * cookie name is part of the signed message, so a value signed for one cookie (the OAuth
 * `state`) is never accepted as another (the portal session).
 */
export function signCookieValue(name: string, value: string, secret: string): string {
  return `${value}.${cookieSignature(name, value, secret)}`;
}

/** The signature part of {@link signCookieValue}. */
export function cookieSignature(name: string, value: string, secret: string): string {
  return createHmac('sha256', secret).update(`${name}|${value}`).digest('base64url');
}
