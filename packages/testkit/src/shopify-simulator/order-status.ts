import { toMicroUnits } from './decimal-amount';
import type { SimOrder } from './sim-order';

/** Recomputes `order.status` from its payment sessions and refunds. */
export function refreshOrderStatus(order: SimOrder): void {
  const sessions = order.paymentSessions;
  const paid = sessions.some((s) => s.state === 'resolved');
  if (paid) {
    const refunded = refundedMicroUnits(order);
    const total = toMicroUnits(order.amount);
    order.status = refunded === 0n ? 'paid' : refunded >= total ? 'refunded' : 'partially-refunded';
    return;
  }
  const current = sessions.at(-1);
  if (!current) {
    order.status = 'session-failed';
  } else if (current.state === 'rejected') {
    order.status = 'rejected';
  } else if (current.state === 'pending') {
    order.status = 'pending';
  } else {
    const accepted = current.deliveries.some((d) => d.status >= 200 && d.status < 300);
    order.status = accepted ? 'awaiting-payment' : 'session-failed';
  }
}

/** Sum of resolved refunds, in 10^-6 units. */
export function refundedMicroUnits(order: SimOrder): bigint {
  return order.refunds
    .filter((r) => r.state === 'resolved')
    .reduce((sum, r) => sum + toMicroUnits(r.amount), 0n);
}

/**
 * Sum of refunds that still count against the order (resolved, or open and accepted by the
 * app), in 10^-6 units: what is no longer refundable.
 */
export function committedRefundMicroUnits(order: SimOrder): bigint {
  return order.refunds
    .filter(
      (r) =>
        r.state === 'resolved' ||
        (r.state === 'open' && r.deliveries.some((d) => d.status >= 200 && d.status < 300)),
    )
    .reduce((sum, r) => sum + toMicroUnits(r.amount), 0n);
}
