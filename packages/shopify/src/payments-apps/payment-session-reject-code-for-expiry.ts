import type { PaymentSessionRejectCode } from './payments-apps-request';

/**
 * First Payments Apps API version whose `PaymentSessionStateRejectedReason` has
 * `CANCELLED_PAYMENT` ("The payment was cancelled"): Shopify's changelog "New rejection reason
 * codes in Payments Apps API" (effective 2026-04). Before it, offsite apps had only `RISKY` and
 * `PROCESSING_ERROR`.
 */
export const CANCELLED_PAYMENT_SINCE = '2026-04';

/**
 * The code a session that expired unpaid is rejected with, in the API version the session
 * arrived with (mutations must be sent in it; specs A.4, F.16): `CANCELLED_PAYMENT` — the most
 * specific the API offers, since it has no "expired" code for payment sessions — where the
 * version has it, else `PROCESSING_ERROR` (a code a version lacks is a definitive GraphQL error,
 * and the reject would never reach Shopify). `unstable` has every code.
 */
export function paymentSessionRejectCodeForExpiry(apiVersion: string): PaymentSessionRejectCode {
  if (apiVersion === 'unstable') return 'CANCELLED_PAYMENT';
  // `YYYY-MM` strings order like the versions they name.
  return /^\d{4}-\d{2}$/.test(apiVersion) && apiVersion >= CANCELLED_PAYMENT_SINCE
    ? 'CANCELLED_PAYMENT'
    : 'PROCESSING_ERROR';
}
