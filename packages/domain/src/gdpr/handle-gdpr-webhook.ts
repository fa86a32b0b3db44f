import type { DomainLogger } from '../ports/domain-logger';
import type { GdprDelivery, GdprRecordOutcome, GdprStorePort } from './gdpr-store-port';

/** What {@link handleGdprWebhook} needs. */
export interface HandleGdprWebhookDeps {
  gdpr: GdprStorePort;
  logger: DomainLogger;
}

/**
 * Records a verified privacy webhook and acts on it in the same database transaction: the
 * work is a handful of indexed updates, well inside Shopify's 5 s delivery budget, so doing it
 * synchronously is simpler and safer than deferring it (no window where the request is
 * recorded but not done). A replay of the same webhook id is acknowledged without a second
 * effect. The caller must have verified the HMAC and that the payload's shop is the sender's.
 */
export async function handleGdprWebhook(
  deps: HandleGdprWebhookDeps,
  delivery: GdprDelivery,
): Promise<GdprRecordOutcome> {
  const outcome = await deps.gdpr.recordAndApply(delivery);
  deps.logger.info(
    outcome.outcome === 'duplicate'
      ? 'privacy webhook replayed; nothing to do'
      : 'privacy webhook applied',
    {
      topic: delivery.webhook.topic,
      shop: delivery.shopDomain,
      webhookId: delivery.webhookId,
      gdprRequestId: outcome.requestId,
      ...(outcome.outcome === 'applied' ? { result: summarize(outcome.result) } : {}),
    },
  );
  return outcome;
}

/** Counts only: results of data requests hold personal data that must not reach the logs. */
function summarize(result: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(result).filter(
      ([, value]) => typeof value === 'number' || typeof value === 'boolean',
    ),
  );
}
