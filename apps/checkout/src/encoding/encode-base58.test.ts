import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { PublicKey } from '@solana/web3.js';
import { encodeBase58 } from './encode-base58';

describe('encodeBase58', () => {
  it('matches web3.js for random 32-byte keys', () => {
    for (let i = 0; i < 50; i++) {
      const bytes = randomBytes(32);
      expect(encodeBase58(bytes)).toBe(new PublicKey(bytes).toBase58());
    }
  });

  it('keeps leading zero bytes as "1"s', () => {
    expect(encodeBase58(new Uint8Array(32))).toBe('11111111111111111111111111111111');
    expect(encodeBase58(new Uint8Array([0, 0, 1]))).toBe('112');
    expect(encodeBase58(new Uint8Array([]))).toBe('');
  });
});
