import type { OutboxMutationKind } from '../ports/outbox-store';

/** GraphQL mutation field names of the five outbox mutations. */
export type ShopifyMutationName =
  | 'paymentSessionResolve'
  | 'paymentSessionReject'
  | 'refundSessionResolve'
  | 'refundSessionReject'
  | 'paymentsAppConfigure';

const names: Record<OutboxMutationKind, ShopifyMutationName> = {
  PAYMENT_SESSION_RESOLVE: 'paymentSessionResolve',
  PAYMENT_SESSION_REJECT: 'paymentSessionReject',
  REFUND_SESSION_RESOLVE: 'refundSessionResolve',
  REFUND_SESSION_REJECT: 'refundSessionReject',
  PAYMENTS_APP_CONFIGURE: 'paymentsAppConfigure',
};

/** The GraphQL mutation an outbox row of `kind` sends. */
export function shopifyMutationName(kind: OutboxMutationKind): ShopifyMutationName {
  return names[kind];
}
