/**
 * The dispatcher's rules against the in-memory outbox, records and token store: the real
 * dispatcher, sweep, replay and token source; only Shopify's answers are scripted. The same rules
 * run against PostgreSQL and the Shopify simulator in `outbox-delivery.int.test.ts`.
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import type { Clock } from '@solpay/domain';
import { createTokenCipher } from '@solpay/shopify';
import { randomBytes, randomUUID } from 'node:crypto';
import { createBackoffPolicy } from '../backoff/backoff-policy';
import type { MutationAlert } from '../ports/mutation-alert';
import type {
  PaymentsAppsOutcome,
  PaymentsAppsRequest,
  PaymentsAppsSender,
} from '../ports/payments-apps-sender';
import { silentLogger } from '../ports/queue-logger';
import type { RetryScheduler } from '../ports/retry-scheduler';
import { replayMutations } from '../replay/replay-mutations';
import type { DeadLetterMessage } from '../retry/dead-letter-message-schema';
import type { RetryMessage } from '../retry/retry-message-schema';
import { sweepOutbox } from '../sweep/sweep-outbox';
import {
  createInMemoryMerchantTokenStore,
  type InMemoryMerchantTokenStore,
} from '../testing/in-memory-merchant-token-store';
import {
  createInMemoryMutationRecords,
  type InMemoryMutationRecords,
} from '../testing/in-memory-mutation-records';
import {
  createInMemoryOutboxStore,
  type InMemoryEnqueueInput,
  type InMemoryOutboxStore,
} from '../testing/in-memory-outbox-store';
import { createMerchantAccessTokens } from '../tokens/create-merchant-access-tokens';
import {
  createMutationDispatcher,
  DEFAULT_LOCK_MS,
  type MutationDispatcher,
} from './create-mutation-dispatcher';
import { SHOP_UNINSTALLED_ERROR } from './shop-uninstalled-error';

const SHOP = 'unit-shop.myshopify.com';
const ACCESS_TOKEN = 'shpat_unit';
const cipher = createTokenCipher(randomBytes(32).toString('base64'));
// Jitter pinned to the middle (factor 1): delays are exactly 0, 5, 30, 60, 300 … s; 7 attempts.
const backoff = createBackoffPolicy({ random: () => 0.5, deadlineSeconds: 400 });

/** Shopify's Payments Apps API as a script: each send takes the next answer (default success). */
function scriptedShopify() {
  const answers: Array<
    PaymentsAppsOutcome | ((request: PaymentsAppsRequest) => Promise<PaymentsAppsOutcome>)
  > = [];
  const sent: PaymentsAppsRequest[] = [];
  const sender: PaymentsAppsSender = {
    async send(request) {
      sent.push(request);
      const next = answers.shift() ?? { kind: 'success', data: {} };
      return typeof next === 'function' ? next(request) : next;
    },
  };
  return { sender, answers, sent };
}

describe('createMutationDispatcher (in-memory outbox)', () => {
  let nowMs: number;
  const clock: Clock = { now: () => new Date(nowMs) };
  let records: InMemoryMutationRecords;
  let outbox: InMemoryOutboxStore;
  let merchants: InMemoryMerchantTokenStore;
  let shopify: ReturnType<typeof scriptedShopify>;
  let scheduled: RetryMessage[];
  let deadLetters: DeadLetterMessage[];
  let alerts: MutationAlert[];
  let dispatcher: MutationDispatcher;
  const merchantId = randomUUID();

  const enqueue = (input: Partial<InMemoryEnqueueInput> = {}) =>
    outbox.enqueue(
      {
        kind: 'PAYMENTS_APP_CONFIGURE',
        merchantId,
        variables: { externalHandle: `handle-${randomUUID()}`, ready: true },
        dedupeKey: `test:${randomUUID()}`,
        ...input,
      },
      clock.now(),
    );

  const paidPaymentResolve = () => {
    const paymentId = randomUUID();
    records.put('payment', paymentId, { status: 'PAID' });
    const row = enqueue({
      kind: 'PAYMENT_SESSION_RESOLVE',
      paymentId,
      variables: { id: `gid://shopify/PaymentSession/${paymentId}` },
      dedupeKey: `PAYMENT_SESSION_RESOLVE:${paymentId}`,
      apiVersion: '2026-07',
    });
    return { paymentId, row };
  };

  beforeEach(() => {
    nowMs = Date.parse('2026-12-01T12:00:00Z');
    records = createInMemoryMutationRecords();
    outbox = createInMemoryOutboxStore(records);
    merchants = createInMemoryMerchantTokenStore();
    merchants.put(merchantId, {
      shopDomain: SHOP,
      installState: 'INSTALLED',
      accessTokenEnc: cipher.encrypt(ACCESS_TOKEN, SHOP),
      accessTokenExpiresAt: null,
      refreshTokenEnc: null,
    });
    shopify = scriptedShopify();
    scheduled = [];
    deadLetters = [];
    alerts = [];
    const scheduler: RetryScheduler = {
      async schedule(message) {
        scheduled.push(message);
      },
      async deadLetter(message) {
        deadLetters.push(message);
      },
    };
    dispatcher = createMutationDispatcher({
      outbox,
      paymentsApps: shopify.sender,
      tokens: createMerchantAccessTokens({
        store: merchants,
        cipher,
        refresh: async () => ({ ok: false, reason: 'not expected in these tests' }),
        clock,
      }),
      scheduler,
      clock,
      alert: (alert) => {
        alerts.push(alert);
      },
      logger: silentLogger,
      backoff,
    });
  });

  it('sends a due row exactly once, however often and however concurrently it is dispatched', async () => {
    const row = enqueue({ apiVersion: '2026-07' });
    const results = await Promise.all(Array.from({ length: 5 }, () => dispatcher.dispatch(row.id)));

    expect(results.filter((r) => r.outcome === 'succeeded')).toEqual([
      { outcome: 'succeeded', attempt: 1 },
    ]);
    expect(results.filter((r) => r.outcome === 'skipped')).toHaveLength(4);
    expect(shopify.sent).toEqual([
      {
        shop: SHOP,
        accessToken: ACCESS_TOKEN,
        mutation: 'paymentsAppConfigure',
        variables: (row.payload as { variables: unknown }).variables,
        apiVersion: '2026-07',
      },
    ]);
    expect(outbox.row(row.id)).toMatchObject({
      status: 'SUCCEEDED',
      attempts: 1,
      lockedUntil: null,
      lastError: null,
      completedAt: clock.now(),
      result: { redirectUrl: null, data: {} },
    });
    expect(await dispatcher.dispatch(row.id)).toEqual({ outcome: 'skipped', reason: 'completed' });
    expect(await sweepOutbox({ outbox, dispatcher, limit: 50, clock })).toEqual({
      examined: 0,
      results: [],
    });
    expect(shopify.sent).toHaveLength(1);
    expect(scheduled).toEqual([]);
  });

  it("stores Shopify's redirect URL on the payment together with the success", async () => {
    const { paymentId, row } = paidPaymentResolve();
    shopify.answers.push({ kind: 'success', redirectUrl: 'https://shop.test/thanks', data: {} });

    expect(await dispatcher.dispatchSoon(row.id)).toEqual({
      outcome: 'succeeded',
      attempt: 1,
      redirectUrl: 'https://shop.test/thanks',
    });
    expect(records.get('payment', paymentId).redirectUrl).toBe('https://shop.test/thanks');
    expect(outbox.row(row.id).result).toEqual({
      redirectUrl: 'https://shop.test/thanks',
      data: {},
    });
  });

  it('lets a worker whose lease expired change neither the row nor the payment of the worker that took over', async () => {
    const { paymentId, row } = paidPaymentResolve();
    let takeover: unknown;
    shopify.answers.push(async () => {
      // This send outlives its lease: a second worker claims the abandoned row and finishes it.
      nowMs += DEFAULT_LOCK_MS + 1;
      takeover = await dispatcher.dispatch(row.id);
      return { kind: 'success', redirectUrl: 'https://shop.test/late', data: {} };
    });
    shopify.answers.push({ kind: 'success', redirectUrl: 'https://shop.test/takeover', data: {} });

    await dispatcher.dispatch(row.id);

    expect(takeover).toEqual({
      outcome: 'succeeded',
      attempt: 2,
      redirectUrl: 'https://shop.test/takeover',
    });
    expect(outbox.row(row.id)).toMatchObject({ status: 'SUCCEEDED', attempts: 2 });
    expect(records.get('payment', paymentId).redirectUrl).toBe('https://shop.test/takeover');
  });

  it('retries transient failures with back-off, honours Retry-After and ignores stale retry messages', async () => {
    const row = enqueue();
    shopify.answers.push(
      { kind: 'transient', reason: 'server error', status: 503 },
      { kind: 'transient', reason: 'throttled', status: 429, retryAfterMs: 45_000 },
    );

    expect(await dispatcher.dispatch(row.id)).toEqual({
      outcome: 'retry-scheduled',
      attempt: 1,
      delaySeconds: 0,
      reason: 'transient: server error (HTTP 503)',
    });
    expect(await dispatcher.dispatch(row.id, 2)).toMatchObject({
      outcome: 'retry-scheduled',
      attempt: 2,
      // The schedule says 5 s after attempt 2; Shopify asked for 45.
      delaySeconds: 45,
    });
    const dueAt = new Date(nowMs + 45_000);
    expect(scheduled).toEqual([
      { mutationId: row.id, attempt: 2, delaySeconds: 0, dueAt: new Date(nowMs).toISOString() },
      { mutationId: row.id, attempt: 3, delaySeconds: 45, dueAt: dueAt.toISOString() },
    ]);
    expect(outbox.row(row.id)).toMatchObject({
      status: 'PENDING',
      attempts: 2,
      nextAttemptAt: dueAt,
      lockedUntil: null,
      lastError: 'transient: throttled (HTTP 429)',
    });

    expect(await dispatcher.dispatch(row.id)).toEqual({ outcome: 'skipped', reason: 'not-due' });
    expect(await dispatcher.dispatch(row.id, 2)).toEqual({
      outcome: 'skipped',
      reason: 'stale-attempt',
    });
    expect(shopify.sent).toHaveLength(2);

    nowMs = dueAt.getTime();
    expect(await dispatcher.dispatch(row.id, 3)).toEqual({ outcome: 'succeeded', attempt: 3 });
    expect(shopify.sent).toHaveLength(3);
    expect(alerts).toEqual([]);
  });

  it('exhausts after the attempt budget: EXHAUSTED, dead-lettered, alerted; only a replay sends it again', async () => {
    const row = enqueue();
    for (let attempt = 1; attempt <= backoff.maxAttempts; attempt++) {
      shopify.answers.push({ kind: 'shop-unavailable', status: 503 });
      const result = await dispatcher.dispatch(row.id, attempt);
      if (attempt < backoff.maxAttempts) {
        expect(result).toMatchObject({ outcome: 'retry-scheduled', attempt });
        nowMs = outbox.row(row.id).nextAttemptAt.getTime();
      } else {
        expect(result).toEqual({
          outcome: 'exhausted',
          attempt,
          reason: 'shop unavailable (HTTP 503)',
        });
      }
    }
    expect(outbox.row(row.id)).toMatchObject({ status: 'EXHAUSTED', completedAt: clock.now() });
    expect(deadLetters).toEqual([
      expect.objectContaining({ mutationId: row.id, attempts: backoff.maxAttempts }),
    ]);
    expect(alerts).toEqual([
      expect.objectContaining({ mutationId: row.id, reason: 'exhausted', severity: 'high' }),
    ]);
    expect(await dispatcher.dispatch(row.id)).toEqual({ outcome: 'skipped', reason: 'exhausted' });
    expect(await sweepOutbox({ outbox, dispatcher, limit: 50, clock })).toMatchObject({
      examined: 0,
    });
    expect(shopify.sent).toHaveLength(backoff.maxAttempts);

    const [replayed] = await replayMutations({ outbox, dispatcher, clock }, { allExhausted: true });
    expect(replayed).toEqual({
      mutationId: row.id,
      replayed: true,
      result: { outcome: 'succeeded', attempt: 1 },
    });
    const [again] = await replayMutations(
      { outbox, dispatcher, clock },
      { mutationIds: [row.id] },
      { force: true },
    );
    expect(again).toEqual({
      mutationId: row.id,
      replayed: false,
      reason: 'not-replayable',
      status: 'SUCCEEDED',
    });
  });

  it('marks a definitive userErrors answer FAILED with an alert and never retries it', async () => {
    const row = enqueue();
    shopify.answers.push({
      kind: 'definitive-failure',
      userErrors: [{ field: ['externalHandle'], message: 'is not allowed' }],
      conflict: false,
    });

    expect(await dispatcher.dispatch(row.id)).toEqual({
      outcome: 'failed',
      attempt: 1,
      conflict: false,
    });
    expect(outbox.row(row.id)).toMatchObject({
      status: 'FAILED',
      lastError: 'is not allowed',
      result: { userErrors: [{ message: 'is not allowed' }], conflict: false },
    });
    expect(alerts).toEqual([expect.objectContaining({ mutationId: row.id, severity: 'warning' })]);
    expect(scheduled).toEqual([]);
    expect(await dispatcher.dispatch(row.id, 2)).toEqual({
      outcome: 'skipped',
      reason: 'completed',
    });
  });

  describe('a shop that left (uninstalled the app)', () => {
    beforeEach(() => {
      merchants.put(merchantId, {
        shopDomain: SHOP,
        installState: 'UNINSTALLED',
        accessTokenEnc: null,
        accessTokenExpiresAt: null,
        refreshTokenEnc: null,
      });
    });

    it('is refused: nothing sent, the row cancelled with the reason, the paid record flagged', async () => {
      const { paymentId, row } = paidPaymentResolve();

      expect(await dispatcher.dispatch(row.id)).toEqual({
        outcome: 'failed',
        attempt: 1,
        conflict: false,
      });
      expect(shopify.sent).toEqual([]);
      expect(outbox.row(row.id)).toMatchObject({
        status: 'FAILED',
        lastError: SHOP_UNINSTALLED_ERROR,
        completedAt: clock.now(),
        lockedUntil: null,
      });
      expect(records.get('payment', paymentId).orphanedAt).toEqual(clock.now());
      expect(scheduled).toEqual([]);
      expect(alerts).toEqual([]);
    });

    it('flags a paid refund whose resolve is refused, and no record for a reject', async () => {
      const refundId = randomUUID();
      records.put('refund', refundId, { status: 'PAID' });
      const resolve = enqueue({
        kind: 'REFUND_SESSION_RESOLVE',
        refundId,
        variables: { id: `gid://shopify/RefundSession/${refundId}` },
        dedupeKey: `REFUND_SESSION_RESOLVE:${refundId}`,
      });
      const paymentId = randomUUID();
      records.put('payment', paymentId, { status: 'REJECTED' });
      const reject = enqueue({
        kind: 'PAYMENT_SESSION_REJECT',
        paymentId,
        variables: { id: `gid://shopify/PaymentSession/${paymentId}` },
        dedupeKey: `PAYMENT_SESSION_REJECT:${paymentId}`,
      });

      await dispatcher.dispatch(resolve.id);
      await dispatcher.dispatch(reject.id);

      expect(records.get('refund', refundId).orphanedAt).toEqual(clock.now());
      expect(records.get('payment', paymentId).orphanedAt).toBeNull();
      expect(outbox.row(reject.id)).toMatchObject({
        status: 'FAILED',
        lastError: SHOP_UNINSTALLED_ERROR,
      });
      expect(shopify.sent).toEqual([]);
    });

    it('never sends a cancelled row later: dispatches, retry messages and the sweep skip it', async () => {
      const { row } = paidPaymentResolve();
      await dispatcher.dispatch(row.id);
      // The shop comes back: the cancelled row still stays unsent.
      merchants.put(merchantId, {
        shopDomain: SHOP,
        installState: 'INSTALLED',
        accessTokenEnc: cipher.encrypt(ACCESS_TOKEN, SHOP),
        accessTokenExpiresAt: null,
        refreshTokenEnc: null,
      });
      nowMs += 24 * 3_600_000;

      expect(await dispatcher.dispatch(row.id)).toEqual({
        outcome: 'skipped',
        reason: 'completed',
      });
      expect(await dispatcher.dispatch(row.id, 2)).toEqual({
        outcome: 'skipped',
        reason: 'completed',
      });
      expect(await sweepOutbox({ outbox, dispatcher, limit: 50, clock })).toMatchObject({
        examined: 0,
      });
      const [replay] = await replayMutations({ outbox, dispatcher, clock }, { allExhausted: true });
      expect(replay).toBeUndefined();
      expect(shopify.sent).toEqual([]);
    });
  });

  it('sweeps due rows and rows whose worker died, and leaves live leases and future rows alone', async () => {
    const due = enqueue();
    const live = enqueue();
    outbox.patch(live.id, {
      status: 'IN_FLIGHT',
      attempts: 1,
      lockedUntil: new Date(nowMs + 30_000),
    });
    const abandoned = enqueue();
    outbox.patch(abandoned.id, {
      status: 'IN_FLIGHT',
      attempts: 1,
      lockedUntil: new Date(nowMs - 1),
    });
    const later = enqueue();
    outbox.patch(later.id, { nextAttemptAt: new Date(nowMs + 60_000) });

    const report = await sweepOutbox({ outbox, dispatcher, limit: 50, clock });

    expect(report.results.map((r) => r.mutationId).sort()).toEqual([due.id, abandoned.id].sort());
    expect(outbox.row(abandoned.id)).toMatchObject({ status: 'SUCCEEDED', attempts: 2 });
    expect(outbox.row(live.id)).toMatchObject({ status: 'IN_FLIGHT', attempts: 1 });
    expect(outbox.row(later.id)).toMatchObject({ status: 'PENDING', attempts: 0 });
    expect(shopify.sent).toHaveLength(2);
  });
});
