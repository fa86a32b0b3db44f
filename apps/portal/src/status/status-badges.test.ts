import { describe, expect, it } from '@jest/globals';
import { paymentStatusBadge } from './payment-status-badge';
import { refundStatusBadge } from './refund-status-badge';

describe('status badges', () => {
  it('maps payment statuses in any case', () => {
    expect(paymentStatusBadge('PAID')).toEqual({ label: 'Paid', tone: 'success', complete: true });
    expect(paymentStatusBadge('open').tone).toBe('attention');
    expect(paymentStatusBadge('REJECTING').tone).toBe('info');
    expect(paymentStatusBadge('Rejected').tone).toBe('critical');
    expect(paymentStatusBadge('EXPIRED')).toEqual({
      label: 'Expired',
      tone: 'new',
      complete: true,
    });
    expect(paymentStatusBadge('SOMETHING_NEW')).toEqual({
      label: 'SOMETHING_NEW',
      tone: 'new',
      complete: false,
    });
  });

  it('maps refund statuses so open refunds ask for action', () => {
    expect(refundStatusBadge('OPEN')).toEqual({
      label: 'Action needed',
      tone: 'attention',
      complete: false,
    });
    expect(refundStatusBadge('paid').label).toBe('Refunded');
    expect(refundStatusBadge('REJECTED').tone).toBe('critical');
  });
});
