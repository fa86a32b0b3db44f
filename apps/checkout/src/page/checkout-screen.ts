import type { CheckoutPayment } from '../api/checkout-payment';

/** What the checkout page shows, derived from the status endpoint (never from local state). */
export type CheckoutScreen =
  | { kind: 'loading' }
  | { kind: 'not-found' }
  | { kind: 'gone'; message: string }
  | { kind: 'error'; message: string }
  | { kind: 'open'; payment: CheckoutPayment }
  | { kind: 'paid'; payment: CheckoutPayment; redirectUrl: string | undefined }
  | { kind: 'closed'; payment: CheckoutPayment; reason: 'expired' | 'rejected' };
