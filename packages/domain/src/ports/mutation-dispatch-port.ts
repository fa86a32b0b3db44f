/**
 * Sends outbox rows to Shopify soon after their transaction committed (best effort; the outbox
 * sweep covers crashes). Implemented by `@solpay/queue`.
 */
export interface MutationDispatchPort {
  dispatchSoon(mutationIds: string[]): Promise<void>;
}
