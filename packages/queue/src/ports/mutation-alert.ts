import type { OutboxMutationKind } from './outbox-store';

/** How urgently an operator must look at an alert. */
export type AlertSeverity = 'warning' | 'high';

/** An event that needs an operator (sent to Sentry in production). */
export interface MutationAlert {
  severity: AlertSeverity;
  /** Short machine-readable reason. */
  reason: 'definitive-failure' | 'conflict' | 'exhausted';
  /** Human-readable summary. */
  message: string;
  mutationId: string;
  kind: OutboxMutationKind;
  merchantId: string;
  attempts: number;
  /** Shopify's `userErrors` or the last transport error. */
  details?: unknown;
}

/** Sink for {@link MutationAlert}s; must not throw (failures are logged by the dispatcher). */
export type AlertSink = (alert: MutationAlert) => void | Promise<void>;
