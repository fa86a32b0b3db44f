import type { FetchCheckoutPaymentResult } from '../api/fetch-checkout-payment';
import type { CheckoutScreen } from './checkout-screen';

/**
 * The screen for the latest status answer. A closed payment reads as expired when the server
 * says it closed because it expired (or, from a server that does not say, when it is past its
 * `expiresAt`); an OPEN one past it stays open (a payment sent just in time may still land: the
 * server decides).
 */
export function screenFor(result: FetchCheckoutPaymentResult, now: number): CheckoutScreen {
  if (!result.ok) {
    if (result.reason === 'not-found') return { kind: 'not-found' };
    if (result.reason === 'gone') return { kind: 'gone', message: result.message };
    return { kind: 'error', message: result.message };
  }
  const { payment } = result;
  switch (payment.status) {
    case 'OPEN':
      return { kind: 'open', payment };
    case 'PAID':
      return { kind: 'paid', payment, redirectUrl: payment.redirectUrl ?? undefined };
    case 'REJECTING':
    case 'REJECTED':
      return {
        kind: 'closed',
        payment,
        reason:
          payment.closedReason === 'expired' ||
          (payment.closedReason === undefined && Date.parse(payment.expiresAt) <= now)
            ? 'expired'
            : 'rejected',
      };
  }
}
