import { describe, expect, it } from '@jest/globals';
import { shopifyOrigin } from './shopify-origin';

describe('shopifyOrigin', () => {
  it('defaults to https://{shop}', () => {
    expect(shopifyOrigin({ shop: 'example-shop.myshopify.com' })).toBe(
      'https://example-shop.myshopify.com',
    );
  });

  it('uses the admin origin override without a trailing slash', () => {
    expect(
      shopifyOrigin({ shop: 'example-shop.myshopify.com', adminOrigin: 'http://127.0.0.1:4010/' }),
    ).toBe('http://127.0.0.1:4010');
  });

  it('throws on an invalid shop or a malformed override', () => {
    expect(() => shopifyOrigin({ shop: 'evil.com?x=a.myshopify.com' })).toThrow();
    expect(() => shopifyOrigin({ shop: 'a.myshopify.com', adminOrigin: 'not a url' })).toThrow();
  });
});
