import type { Clock } from '@solpay/domain';
import { createBackoffPolicy, type BackoffPolicy } from '../backoff/backoff-policy';
import { mutationPayloadSchema } from '../outbox/mutation-payload-schema';
import { shopifyMutationName } from '../outbox/shopify-mutation-name';
import type { AlertSink, MutationAlert } from '../ports/mutation-alert';
import type { PaymentsAppsOutcome, PaymentsAppsSender } from '../ports/payments-apps-sender';
import type { OutboxAttemptEnd, OutboxRow, OutboxStore } from '../ports/outbox-store';
import type { QueueLogger } from '../ports/queue-logger';
import type { RetryScheduler } from '../ports/retry-scheduler';
import type { MerchantAccessTokens } from '../tokens/create-merchant-access-tokens';
import type { DispatchResult } from './dispatch-result';
import { SHOP_UNINSTALLED_ERROR } from './shop-uninstalled-error';

/**
 * How long a claimed row belongs to one worker before another may take it over (default). It
 * must outlast any single attempt — the retry Lambda times out at 30 s and a send is bounded by
 * the Shopify HTTP timeout plus one token refresh — and no more, since it is also how long a
 * mutation waits after its worker crashed mid-send.
 */
export const DEFAULT_LOCK_MS = 60 * 1000;

/** Dependencies of {@link createMutationDispatcher}. */
export interface MutationDispatcherDeps {
  /** The outbox rows (and, through it, the records their answers change). */
  outbox: OutboxStore;
  paymentsApps: PaymentsAppsSender;
  tokens: MerchantAccessTokens;
  scheduler: RetryScheduler;
  clock: Clock;
  alert: AlertSink;
  logger: QueueLogger;
  /** Retry schedule (default: production schedule, 72 h budget). */
  backoff?: BackoffPolicy;
  /** Claim duration; keep it above the Shopify client timeout (default 2 min). */
  lockMs?: number;
}

/** Sends outbox rows to Shopify and applies the answer. */
export interface MutationDispatcher {
  /**
   * Makes one attempt at mutation `mutationId` if it is due. With `attempt` (from a retry
   * message) only that attempt number is made, so duplicate or stale messages do nothing.
   * Safe to call any number of times, concurrently: a row is claimed atomically.
   */
  dispatch(mutationId: string, attempt?: number): Promise<DispatchResult>;
  /** {@link dispatch} for callers right after their commit: never throws (the sweep is the backstop). */
  dispatchSoon(mutationId: string): Promise<DispatchResult | undefined>;
}

/** `cancelled`: must never be sent (the shop uninstalled the app); not retried. */
type SendFailure = { reason: string; retryAfterMs?: number; cancelled?: true };

/** Creates the outbox dispatcher (see DESIGN §3.3). */
export function createMutationDispatcher(deps: MutationDispatcherDeps): MutationDispatcher {
  const { outbox, paymentsApps, tokens, scheduler, clock, logger } = deps;
  const backoff = deps.backoff ?? createBackoffPolicy();
  const lockMs = deps.lockMs ?? DEFAULT_LOCK_MS;

  const raise = async (alert: MutationAlert) => {
    try {
      await deps.alert(alert);
    } catch (error) {
      logger.error('alert sink failed', { mutationId: alert.mutationId, error: String(error) });
    }
  };

  const claim = (mutationId: string, attempt: number | undefined) => {
    const now = clock.now();
    return outbox.claim(mutationId, {
      now,
      lockedUntil: new Date(now.getTime() + lockMs),
      ...(attempt === undefined ? {} : { attempt }),
    });
  };

  const whySkipped = async (
    mutationId: string,
    attempt: number | undefined,
  ): Promise<DispatchResult> => {
    const row = await outbox.find(mutationId);
    if (!row) return { outcome: 'skipped', reason: 'not-found' };
    if (row.status === 'SUCCEEDED' || row.status === 'FAILED') {
      return { outcome: 'skipped', reason: 'completed' };
    }
    if (row.status === 'EXHAUSTED') return { outcome: 'skipped', reason: 'exhausted' };
    if (attempt !== undefined && row.attempts !== attempt - 1) {
      return { outcome: 'skipped', reason: 'stale-attempt' };
    }
    return { outcome: 'skipped', reason: row.status === 'IN_FLIGHT' ? 'in-flight' : 'not-due' };
  };

  const send = async (row: OutboxRow): Promise<PaymentsAppsOutcome | SendFailure> => {
    const payload = mutationPayloadSchema.safeParse(row.payload);
    if (!payload.success) return { reason: `invalid outbox payload: ${payload.error.message}` };
    const mutation = shopifyMutationName(row.kind);
    let forced = false;
    for (;;) {
      const token = await tokens.getAccessToken(row.merchantId, { forceRefresh: forced });
      if (!token.ok && token.reason === 'shop-uninstalled') {
        return {
          reason: SHOP_UNINSTALLED_ERROR,
          cancelled: true,
        };
      }
      if (!token.ok) {
        return {
          reason: `access token unavailable: ${token.reason}${token.detail ? ` (${token.detail})` : ''}`,
        };
      }
      const outcome = await paymentsApps.send({
        shop: token.shop,
        accessToken: token.accessToken,
        mutation,
        variables: payload.data.variables,
        ...(payload.data.apiVersion === undefined ? {} : { apiVersion: payload.data.apiVersion }),
      });
      if (outcome.kind !== 'unauthorized') return outcome;
      if (forced) return { reason: `unauthorized (HTTP ${outcome.status}) after token refresh` };
      logger.info('shopify refused the access token; refreshing', { mutationId: row.id });
      forced = true;
    }
  };

  const succeed = async (row: OutboxRow, redirectUrl: string | undefined, data: unknown) => {
    const now = clock.now();
    const touchesPayment =
      row.kind === 'PAYMENT_SESSION_RESOLVE' || row.kind === 'PAYMENT_SESSION_REJECT';
    const end: OutboxAttemptEnd = {
      status: 'SUCCEEDED',
      completedAt: now,
      result: { redirectUrl: redirectUrl ?? null, data: data ?? null },
    };
    await outbox.endAttempt(row, end, async (records) => {
      if (touchesPayment && row.paymentId && redirectUrl) {
        await records.saveRedirectUrl(row.paymentId, redirectUrl);
      }
    });
    logger.info('shopify mutation succeeded', {
      mutationId: row.id,
      kind: row.kind,
      attempt: row.attempts,
    });
    return {
      outcome: 'succeeded',
      attempt: row.attempts,
      ...(redirectUrl ? { redirectUrl } : {}),
    } as const;
  };

  const fail = async (row: OutboxRow, userErrors: readonly unknown[], conflict: boolean) => {
    await outbox.endAttempt(row, {
      status: 'FAILED',
      completedAt: clock.now(),
      lastError: summarize(userErrors),
      result: { userErrors, conflict },
    });
    logger.error('shopify mutation failed definitively', {
      mutationId: row.id,
      kind: row.kind,
      conflict,
    });
    await raise({
      severity: conflict ? 'high' : 'warning',
      reason: conflict ? 'conflict' : 'definitive-failure',
      message: conflict
        ? `Shopify ${row.kind} conflicts with an earlier different mutation for the same session`
        : `Shopify rejected ${row.kind} with userErrors`,
      mutationId: row.id,
      kind: row.kind,
      merchantId: row.merchantId,
      attempts: row.attempts,
      details: userErrors,
    });
    return { outcome: 'failed', attempt: row.attempts, conflict } as const;
  };

  /**
   * Closes a row that must not be sent at all (its shop left); an operator reads `lastError`. A
   * cancelled resolve means the buyer paid and Shopify never heard: its record is flagged
   * (`orphanedAt`) for the operator's list (docs/runbooks/shop-left-with-open-records.md).
   */
  const cancel = async (row: OutboxRow, reason: string): Promise<DispatchResult> => {
    const now = clock.now();
    await outbox.endAttempt(
      row,
      { status: 'FAILED', completedAt: now, lastError: reason },
      async (records) => {
        if (row.kind === 'PAYMENT_SESSION_RESOLVE' && row.paymentId) {
          await records.flagOrphaned('payment', row.paymentId, now);
        }
        if (row.kind === 'REFUND_SESSION_RESOLVE' && row.refundId) {
          await records.flagOrphaned('refund', row.refundId, now);
        }
      },
    );
    logger.warn('shopify mutation cancelled', { mutationId: row.id, kind: row.kind, reason });
    return { outcome: 'failed', attempt: row.attempts, conflict: false };
  };

  const retryLater = async (row: OutboxRow, failure: SendFailure): Promise<DispatchResult> => {
    const now = clock.now();
    if (row.attempts >= backoff.maxAttempts) {
      await outbox.endAttempt(row, {
        status: 'EXHAUSTED',
        completedAt: now,
        lastError: failure.reason,
      });
      logger.error('shopify mutation exhausted its retries', {
        mutationId: row.id,
        kind: row.kind,
        attempts: row.attempts,
        reason: failure.reason,
      });
      try {
        await scheduler.deadLetter({
          mutationId: row.id,
          kind: row.kind,
          merchantId: row.merchantId,
          attempts: row.attempts,
          lastError: failure.reason,
          exhaustedAt: now.toISOString(),
        });
      } catch (error) {
        logger.error('could not dead-letter exhausted mutation', {
          mutationId: row.id,
          error: String(error),
        });
      }
      await raise({
        severity: 'high',
        reason: 'exhausted',
        message: `Shopify ${row.kind} still failing after ${row.attempts} attempts; replay it once Shopify is reachable`,
        mutationId: row.id,
        kind: row.kind,
        merchantId: row.merchantId,
        attempts: row.attempts,
        details: failure.reason,
      });
      return { outcome: 'exhausted', attempt: row.attempts, reason: failure.reason };
    }
    const delaySeconds = backoff.delaySeconds(row.attempts, failure.retryAfterMs);
    const dueAt = new Date(now.getTime() + delaySeconds * 1000);
    const written = await outbox.endAttempt(row, {
      status: 'PENDING',
      nextAttemptAt: dueAt,
      lastError: failure.reason,
    });
    logger.warn('shopify mutation will be retried', {
      mutationId: row.id,
      kind: row.kind,
      attempt: row.attempts,
      delaySeconds,
      reason: failure.reason,
    });
    if (written) {
      try {
        await scheduler.schedule({
          mutationId: row.id,
          attempt: row.attempts + 1,
          delaySeconds,
          dueAt: dueAt.toISOString(),
        });
      } catch (error) {
        // The row is PENDING with a due time: the outbox sweep sends it if this message never exists.
        logger.warn('could not schedule retry; the outbox sweep will pick it up', {
          mutationId: row.id,
          error: String(error),
        });
      }
    }
    return {
      outcome: 'retry-scheduled',
      attempt: row.attempts,
      delaySeconds,
      reason: failure.reason,
    };
  };

  const dispatch = async (mutationId: string, attempt?: number): Promise<DispatchResult> => {
    const row = await claim(mutationId, attempt);
    if (!row) return whySkipped(mutationId, attempt);
    let outcome: PaymentsAppsOutcome | SendFailure;
    try {
      outcome = await send(row);
    } catch (error) {
      outcome = { reason: `send threw: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (!('kind' in outcome)) {
      return outcome.cancelled ? cancel(row, outcome.reason) : retryLater(row, outcome);
    }
    switch (outcome.kind) {
      case 'success':
        return succeed(row, outcome.redirectUrl, outcome.data);
      case 'definitive-failure':
        return fail(row, outcome.userErrors, outcome.conflict);
      case 'transient':
        return retryLater(row, {
          reason: `transient: ${outcome.reason}${outcome.status ? ` (HTTP ${outcome.status})` : ''}`,
          ...(outcome.retryAfterMs === undefined ? {} : { retryAfterMs: outcome.retryAfterMs }),
        });
      case 'shop-unavailable':
        return retryLater(row, { reason: `shop unavailable (HTTP ${outcome.status})` });
      case 'unauthorized':
        return retryLater(row, { reason: `unauthorized (HTTP ${outcome.status})` });
    }
  };

  return {
    dispatch,
    async dispatchSoon(mutationId) {
      try {
        return await dispatch(mutationId);
      } catch (error) {
        logger.warn('immediate dispatch failed; the outbox sweep will retry', {
          mutationId,
          error: String(error),
        });
        return undefined;
      }
    },
  };
}

function summarize(userErrors: readonly unknown[]): string {
  const text = userErrors
    .map((e) =>
      e && typeof e === 'object' && 'message' in e ? String(e.message) : JSON.stringify(e),
    )
    .join('; ');
  return text.length > 1000 ? `${text.slice(0, 1000)}…` : text;
}
