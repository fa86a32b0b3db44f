import { describe, expect, it } from '@jest/globals';
import { paymentIdFromPath } from './payment-id-from-path';

describe('paymentIdFromPath', () => {
  it('reads /pay/<id>', () => {
    expect(paymentIdFromPath('/pay/3f1c2a9e-2b7d-4f0e-9a51-2c6a7f0e8d11')).toBe(
      '3f1c2a9e-2b7d-4f0e-9a51-2c6a7f0e8d11',
    );
    expect(paymentIdFromPath('/pay/abc/')).toBe('abc');
  });

  it('rejects other paths', () => {
    for (const path of [
      '/',
      '/pay',
      '/pay/',
      '/pay/a/b',
      '/other/abc',
      '/pay/a%20b',
      '/pay/../x',
    ]) {
      expect(paymentIdFromPath(path)).toBeUndefined();
    }
  });
});
