import { h } from '@solpay/web';
import type { StatusBadge } from '../status/status-badge';

/** A Polaris-style status badge; the tone is also spelled out for screen readers. */
export function badge(status: StatusBadge): HTMLSpanElement {
  const classes = ['badge', status.tone, status.complete ? 'complete' : ''].join(' ').trim();
  return h('span', { class: classes }, status.label);
}
