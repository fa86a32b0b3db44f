import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { decodeBase58 } from './decode-base58';
import bs58 from 'bs58';

const encodeBase58 = (bytes: Uint8Array) => bs58.encode(bytes);

describe('decodeBase58', () => {
  it('decodes known vectors', () => {
    expect(Buffer.from(decodeBase58('2g') ?? []).toString()).toBe('a');
    expect(Buffer.from(decodeBase58('a3gV') ?? []).toString()).toBe('bbb');
    expect(Buffer.from(decodeBase58('2NEpo7TZRRrLZSi2U') ?? []).toString()).toBe('Hello World!');
    expect(Array.from(decodeBase58('11111111111111111111111111111111') ?? [])).toEqual(
      Array(32).fill(0),
    );
    expect(decodeBase58('EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v')?.length).toBe(32);
  });

  it('rejects empty text and characters outside the alphabet', () => {
    expect(decodeBase58('')).toBeUndefined();
    expect(decodeBase58('0OIl')).toBeUndefined();
    expect(decodeBase58('abc+')).toBeUndefined();
  });

  it('round-trips any bytes, leading zeros included', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 80 }), (bytes) => {
        expect(Array.from(decodeBase58(encodeBase58(bytes)) ?? [])).toEqual(Array.from(bytes));
      }),
    );
  });
});
