import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { PublicKey } from '@solana/web3.js';
import { decodeBase58 } from './decode-base58';
import { encodeBase58 } from './encode-base58';

describe('base58', () => {
  it('matches web3.js for random 32-byte keys, both ways', () => {
    for (let i = 0; i < 50; i++) {
      const bytes = randomBytes(32);
      const text = new PublicKey(bytes).toBase58();
      expect(encodeBase58(bytes)).toBe(text);
      expect(Buffer.from(decodeBase58(text) ?? [])).toEqual(bytes);
    }
  });

  it('keeps leading zero bytes as "1"s', () => {
    expect(encodeBase58(new Uint8Array(32))).toBe('11111111111111111111111111111111');
    expect(encodeBase58(new Uint8Array([0, 0, 1]))).toBe('112');
    expect(encodeBase58(new Uint8Array([]))).toBe('');
    expect(decodeBase58('112')).toEqual(new Uint8Array([0, 0, 1]));
    expect(decodeBase58('')).toEqual(new Uint8Array([]));
  });

  it('refuses characters outside the alphabet', () => {
    expect(decodeBase58('abc0')).toBeUndefined();
    expect(decodeBase58('Il')).toBeUndefined();
    expect(decodeBase58('11 1')).toBeUndefined();
  });
});
