import type { Clock } from '../ports/clock';
import type { DomainLogger } from '../ports/domain-logger';

/** Persistence for {@link handleAppUninstalled}. Implemented with Prisma in `@solpay/persistence`. */
export interface AppUninstalledStorePort {
  /**
   * In one transaction: records the webhook id (a replay is `duplicate`), marks the merchant
   * UNINSTALLED, deletes its Shopify tokens, un-configures it (a re-install onboards again and
   * sends `paymentsAppConfigure` again), revokes its portal sessions, and closes its open
   * payments and refunds without telling Shopify (those with a served transaction that may
   * still land go to REJECTING for the discovery poll to burn) and cancels its unsent outbox rows.
   */
  recordUninstall(input: {
    webhookId: string;
    shopDomain: string;
    at: Date;
  }): Promise<'uninstalled' | 'duplicate' | 'unknown-shop'>;
}

/**
 * Shopify's `app/uninstalled` webhook: the shop removed the app, so its access token is already
 * revoked and Shopify cancels the shop's open payment and refund sessions. We stop taking
 * payments for it (payment sessions get 404, its open records 410 at once), forget its tokens
 * and close its open records without any Shopify mutation; guards of records with served
 * transactions are burned in the background by the discovery poll (this webhook never waits
 * for a burn). Records stay for accounting until `shop/redact` (48 h later) anonymises them.
 * Idempotent by webhook id.
 */
export async function handleAppUninstalled(
  deps: { store: AppUninstalledStorePort; clock: Clock; logger: DomainLogger },
  input: { webhookId: string; shopDomain: string },
): Promise<'uninstalled' | 'duplicate' | 'unknown-shop'> {
  const outcome = await deps.store.recordUninstall({ ...input, at: deps.clock.now() });
  deps.logger.info('app uninstalled', { shop: input.shopDomain, outcome });
  return outcome;
}
