/** Attributes of a cookie we set; every one is `HttpOnly` and `Secure`. */
export interface CookieAttributes {
  path: string;
  /** Seconds; 0 deletes the cookie. */
  maxAgeSeconds: number;
  sameSite: 'Lax' | 'Strict' | 'None';
}

/** A `Set-Cookie` value: `name=value; Path; Max-Age; HttpOnly; Secure; SameSite`. */
export function serializeCookie(name: string, value: string, attributes: CookieAttributes): string {
  return [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${attributes.path}`,
    `Max-Age=${Math.max(0, Math.floor(attributes.maxAgeSeconds))}`,
    'HttpOnly',
    'Secure',
    `SameSite=${attributes.sameSite}`,
  ].join('; ');
}
