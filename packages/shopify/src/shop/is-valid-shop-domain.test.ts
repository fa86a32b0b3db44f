import { describe, expect, it } from '@jest/globals';
import { isValidShopDomain, normalizeShopDomain } from './is-valid-shop-domain';

describe('isValidShopDomain', () => {
  it.each(['example-shop.myshopify.com', 'a.myshopify.com', 'Shop1.MyShopify.COM'])(
    'accepts %s',
    (shop) => {
      expect(isValidShopDomain(shop)).toBe(true);
    },
  );

  it.each([
    'evil.com?x=a.myshopify.com',
    'evil.com/a.myshopify.com',
    'a.myshopify.com.evil.com',
    'a.myshopify.com/',
    'https://a.myshopify.com',
    '-shop.myshopify.com',
    'sh_op.myshopify.com',
    'a.b.myshopify.com',
    'myshopify.com',
    '.myshopify.com',
    'shop.myshopify.com\n',
    'evil.com',
    '',
    `${'a'.repeat(64)}.myshopify.com`,
  ])('rejects %j', (shop) => {
    expect(isValidShopDomain(shop)).toBe(false);
  });
});

describe('normalizeShopDomain', () => {
  it('lower-cases valid domains and returns null for invalid ones', () => {
    expect(normalizeShopDomain('Example-Shop.MYSHOPIFY.com')).toBe('example-shop.myshopify.com');
    expect(normalizeShopDomain('evil.com?x=a.myshopify.com')).toBeNull();
  });
});
