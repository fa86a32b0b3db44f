import type { StatusBadge } from './status-badge';

/** The badge of a refund status (`OPEN`, `PAID`, `REJECTING`, `REJECTED`; any case). */
export function refundStatusBadge(status: string): StatusBadge {
  switch (status.toUpperCase()) {
    case 'OPEN':
      return { label: 'Action needed', tone: 'attention', complete: false };
    case 'PAID':
      return { label: 'Refunded', tone: 'success', complete: true };
    case 'REJECTING':
      return { label: 'Rejecting', tone: 'info', complete: false };
    case 'REJECTED':
      return { label: 'Rejected', tone: 'critical', complete: true };
    default:
      return { label: status, tone: 'new', complete: false };
  }
}
