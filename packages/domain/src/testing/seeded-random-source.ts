import { createHash } from 'node:crypto';
import type { RandomSource } from '../ports/random-source';

/**
 * A deterministic {@link RandomSource}: the n-th draw is SHA-256 of `seed` and n, stretched to
 * the size asked for. Two sources with the same seed draw the same bytes; never use it outside
 * tests.
 */
export function seededRandomSource(seed = 'solpay-test'): RandomSource {
  let draws = 0;
  return {
    bytes(size) {
      draws += 1;
      const out = new Uint8Array(size);
      for (let block = 0; block * 32 < size; block += 1) {
        const digest = createHash('sha256').update(`${seed}|${draws}|${block}`).digest();
        out.set(digest.subarray(0, Math.min(32, size - block * 32)), block * 32);
      }
      return out;
    },
  };
}
