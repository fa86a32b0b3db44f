import { describe, expect, it } from '@jest/globals';
import { paymentSessionRejectCodeForExpiry } from './payment-session-reject-code-for-expiry';

describe('paymentSessionRejectCodeForExpiry', () => {
  it('uses CANCELLED_PAYMENT from the version that introduced it', () => {
    expect(paymentSessionRejectCodeForExpiry('2026-04')).toBe('CANCELLED_PAYMENT');
    expect(paymentSessionRejectCodeForExpiry('2026-10')).toBe('CANCELLED_PAYMENT');
    expect(paymentSessionRejectCodeForExpiry('unstable')).toBe('CANCELLED_PAYMENT');
  });

  it('falls back to PROCESSING_ERROR for versions without it, or a version it cannot read', () => {
    expect(paymentSessionRejectCodeForExpiry('2026-01')).toBe('PROCESSING_ERROR');
    expect(paymentSessionRejectCodeForExpiry('2025-10')).toBe('PROCESSING_ERROR');
    expect(paymentSessionRejectCodeForExpiry('latest')).toBe('PROCESSING_ERROR');
  });
});
