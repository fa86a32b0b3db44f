import { describe, expect, it } from '@jest/globals';
import { toJson } from './to-json';

describe('toJson', () => {
  it('writes bigint values as exact JSON numbers', () => {
    expect(toJson({ lamports: 18_446_744_073_709_551_615n, list: [1n, 'x'] })).toBe(
      '{"lamports":18446744073709551615,"list":[1,"x"]}',
    );
  });
});
