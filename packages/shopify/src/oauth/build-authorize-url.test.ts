import { describe, expect, it } from '@jest/globals';
import { buildAuthorizeUrl } from './build-authorize-url';

describe('buildAuthorizeUrl', () => {
  const input = {
    shop: 'example-shop.myshopify.com',
    apiKey: 'client-id',
    scopes: ['write_payment_gateways', 'write_payment_sessions'],
    redirectUri: 'https://app.example.com/auth/callback',
    state: 'a1b2c3',
  };

  it('builds the offline-token authorize URL on the shop', () => {
    const url = new URL(buildAuthorizeUrl(input));
    expect(url.origin).toBe('https://example-shop.myshopify.com');
    expect(url.pathname).toBe('/admin/oauth/authorize');
    expect(url.searchParams.get('client_id')).toBe('client-id');
    expect(url.searchParams.get('scope')).toBe('write_payment_gateways,write_payment_sessions');
    expect(url.searchParams.get('redirect_uri')).toBe('https://app.example.com/auth/callback');
    expect(url.searchParams.get('state')).toBe('a1b2c3');
    expect(url.searchParams.getAll('grant_options[]')).toEqual(['']);
  });

  it('uses the admin origin override with the same path', () => {
    const url = new URL(buildAuthorizeUrl({ ...input, adminOrigin: 'http://127.0.0.1:4010/' }));
    expect(url.origin).toBe('http://127.0.0.1:4010');
    expect(url.pathname).toBe('/admin/oauth/authorize');
  });

  it('refuses an invalid shop', () => {
    expect(() => buildAuthorizeUrl({ ...input, shop: 'evil.com?x=a.myshopify.com' })).toThrow();
  });
});
