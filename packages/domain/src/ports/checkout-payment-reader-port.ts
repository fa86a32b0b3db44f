import type { CheckoutPaymentView } from '../records/checkout-payment-view';

/**
 * Reads what the buyer's checkout page shows for one payment (the checkout read model): the
 * stored payment, checked on chain first while it is open with served transactions.
 */
export interface CheckoutPaymentReaderPort {
  /** The payment's view, or null for an id that names no payment. */
  load(paymentId: string): Promise<CheckoutPaymentView | null>;
}
