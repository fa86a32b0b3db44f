import type { StatusBadge } from './status-badge';

/** The filters of the payments list: API status value → label. */
export const PAYMENT_STATUS_FILTERS = [
  { value: '', label: 'All' },
  { value: 'PAID', label: 'Paid' },
  { value: 'OPEN', label: 'Awaiting payment' },
  { value: 'REJECTED', label: 'Rejected' },
  { value: 'EXPIRED', label: 'Expired' },
] as const;

/** The badge of a payment status (`OPEN`, `PAID`, `REJECTING`, `REJECTED`, `EXPIRED`; any case). */
export function paymentStatusBadge(status: string): StatusBadge {
  switch (status.toUpperCase()) {
    case 'PAID':
      return { label: 'Paid', tone: 'success', complete: true };
    case 'OPEN':
      return { label: 'Awaiting payment', tone: 'attention', complete: false };
    case 'REJECTING':
      return { label: 'Closing', tone: 'info', complete: false };
    case 'REJECTED':
      return { label: 'Rejected', tone: 'critical', complete: true };
    case 'EXPIRED':
      return { label: 'Expired', tone: 'new', complete: true };
    default:
      return { label: status, tone: 'new', complete: false };
  }
}

/** The badge of a payment's refund state (`PARTIAL`, `FULL`); none for `NONE` or unknown. */
export function refundStateBadge(state: string | null | undefined): StatusBadge | undefined {
  switch (state?.toUpperCase()) {
    case 'PARTIAL':
      return { label: 'Partially refunded', tone: 'info', complete: false };
    case 'FULL':
      return { label: 'Refunded', tone: 'new', complete: true };
    default:
      return undefined;
  }
}
