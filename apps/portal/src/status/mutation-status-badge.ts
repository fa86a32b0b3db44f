import type { StatusBadge } from './status-badge';

/** The badge of an outbox mutation status (`SUCCEEDED`, `PENDING`, `IN_FLIGHT`, `FAILED`, `EXHAUSTED`). */
export function mutationStatusBadge(status: string): StatusBadge {
  switch (status.toUpperCase()) {
    case 'SUCCEEDED':
      return { label: 'Delivered', tone: 'success', complete: true };
    case 'PENDING':
      return { label: 'Queued (retries with back-off)', tone: 'info', complete: false };
    case 'IN_FLIGHT':
      return { label: 'Sending', tone: 'info', complete: false };
    case 'FAILED':
      return { label: 'Refused by Shopify', tone: 'critical', complete: true };
    case 'EXHAUSTED':
      return { label: 'Gave up (operator replay)', tone: 'critical', complete: true };
    default:
      return { label: status, tone: 'new', complete: false };
  }
}
