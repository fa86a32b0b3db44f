import type { Clock } from '../ports/clock';
import type { DomainLogger } from '../ports/domain-logger';

/** Persistence for {@link handleAppUninstalled}. Implemented with Prisma in `@solpay/services`. */
export interface AppUninstalledStorePort {
  /**
   * In one transaction: records the webhook id (a replay is `duplicate`), marks the merchant
   * UNINSTALLED, deletes its Shopify tokens, un-configures it (a re-install onboards again and
   * sends `paymentsAppConfigure` again) and revokes its portal sessions.
   */
  recordUninstall(input: {
    webhookId: string;
    shopDomain: string;
    at: Date;
  }): Promise<'uninstalled' | 'duplicate' | 'unknown-shop'>;
}

/**
 * Shopify's `app/uninstalled` webhook: the shop removed the app, so its access token is already
 * revoked. We stop taking payments for it (payment sessions now get 404) and forget its tokens;
 * payment and refund records stay for accounting until `shop/redact` (48 h later) anonymises them.
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
