import { describe, expect, it } from '@jest/globals';
import { readSignedCookieValue } from './read-signed-cookie-value';
import { signCookieValue } from './sign-cookie-value';
import { serializeCookie } from './serialize-cookie';

const secret = 's'.repeat(32);

describe('signed cookies', () => {
  it('round-trips a value signed for the same cookie name and secret', () => {
    const signed = signCookieValue('portal_session', 'abc', secret);
    expect(readSignedCookieValue('portal_session', signed, secret)).toBe('abc');
  });

  it('refuses another cookie name, another secret, a changed value or signature, and garbage', () => {
    const signed = signCookieValue('oauth_state', 'abc', secret);
    expect(readSignedCookieValue('portal_session', signed, secret)).toBeNull();
    expect(readSignedCookieValue('oauth_state', signed, 't'.repeat(32))).toBeNull();
    expect(readSignedCookieValue('oauth_state', signed.replace('abc', 'abd'), secret)).toBeNull();
    expect(readSignedCookieValue('oauth_state', `${signed}x`, secret)).toBeNull();
    expect(readSignedCookieValue('oauth_state', 'abc', secret)).toBeNull();
    expect(readSignedCookieValue('oauth_state', undefined, secret)).toBeNull();
  });

  it('serializes HttpOnly, Secure, SameSite cookies', () => {
    expect(
      serializeCookie('a', 'b c', { path: '/auth', maxAgeSeconds: 600, sameSite: 'Lax' }),
    ).toBe('a=b%20c; Path=/auth; Max-Age=600; HttpOnly; Secure; SameSite=Lax');
  });
});
