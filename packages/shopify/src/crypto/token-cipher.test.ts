import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { createTokenCipher } from './token-cipher';

const key = randomBytes(32).toString('base64');

describe('createTokenCipher', () => {
  it('round-trips and uses a fresh IV each time', () => {
    const cipher = createTokenCipher(key);
    const token = 'shpat_0123456789abcdef';
    const first = cipher.encrypt(token);
    const second = cipher.encrypt(token);
    expect(first).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain(token);
    expect(cipher.decrypt(first)).toBe(token);
    expect(cipher.decrypt(second)).toBe(token);
    expect(cipher.decrypt(cipher.encrypt(''))).toBe('');
  });

  it('throws on any altered character', () => {
    const cipher = createTokenCipher(key);
    const sealed = cipher.encrypt('shpat_secret');
    for (let i = 3; i < sealed.length; i += 1) {
      const char = sealed[i];
      if (char === '.') continue;
      const tampered = sealed.slice(0, i) + (char === 'A' ? 'B' : 'A') + sealed.slice(i + 1);
      expect(() => cipher.decrypt(tampered)).toThrow();
    }
  });

  it('throws for another key, another context, an unknown version or a malformed value', () => {
    const cipher = createTokenCipher(key);
    const sealed = cipher.encrypt('shpat_secret', 'example-shop.myshopify.com');
    expect(cipher.decrypt(sealed, 'example-shop.myshopify.com')).toBe('shpat_secret');
    expect(() => cipher.decrypt(sealed, 'other-shop.myshopify.com')).toThrow();
    expect(() => cipher.decrypt(sealed)).toThrow();
    expect(() => createTokenCipher(randomBytes(32).toString('base64')).decrypt(sealed)).toThrow();
    expect(() => cipher.decrypt(sealed.replace(/^v1/, 'v2'))).toThrow();
    expect(() => cipher.decrypt('v1.abc')).toThrow();
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => createTokenCipher(randomBytes(16).toString('base64'))).toThrow();
    expect(() => createTokenCipher('')).toThrow();
  });
});
