import { html, type SafeHtml } from './html';
import type { SimOrder } from './sim-order';

const LOOK: Record<SimOrder['status'], [string, string]> = {
  'session-failed': ['critical', 'Payment not started'],
  'awaiting-payment': ['attention', 'Payment pending'],
  pending: ['attention', 'Payment processing'],
  paid: ['success', 'Paid'],
  rejected: ['critical', 'Payment rejected'],
  'partially-refunded': ['info', 'Partially refunded'],
  refunded: ['info', 'Refunded'],
};

/** A status badge for an order's payment state. */
export function orderBadge(status: SimOrder['status']): SafeHtml {
  const [tone, label] = LOOK[status];
  return html`<span class="badge ${tone}">${label}</span>`;
}

/** A status badge for a refund. */
export function refundBadge(state: 'open' | 'resolved' | 'rejected', accepted: boolean): SafeHtml {
  if (state === 'resolved') return html`<span class="badge success">Refunded</span>`;
  if (state === 'rejected') return html`<span class="badge critical">Refund rejected</span>`;
  return accepted
    ? html`<span class="badge attention">Refund pending</span>`
    : html`<span class="badge critical">Refund failed to start</span>`;
}
