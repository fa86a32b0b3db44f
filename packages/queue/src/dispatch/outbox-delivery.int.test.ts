/**
 * The outbox end to end, for real: a migrated test database, the Shopify simulator over HTTP,
 * fauxqs + aws-local-stepfunctions running the serverless.yml retry machine (waits × 0.001),
 * and `@solpay/shopify`'s Payments Apps client and token refresh.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import {
  createTestDatabase,
  testDatabaseTargets,
  type PrismaClient,
  type ShopifyMutation,
  type ShopifyMutationStatus,
  type TestDatabase,
} from '@solpay/db';
import {
  createPaymentsAppsClient,
  createTokenCipher,
  refreshAccessToken,
  type TokenCipher,
} from '@solpay/shopify';
import { systemClock } from '@solpay/domain';
import { createOutboxStore } from '@solpay/services';
import { pollUntil, startShopifySimulator, type ShopifySimulator } from '@solpay/testkit';
import {
  startFakeGreen,
  type FakeGreen,
} from '@solpay/testkit/src/shopify-simulator/test-support/fake-green-server';
import { createThrowawayPki } from '@solpay/testkit/src/shopify-simulator/test-support/throwaway-pki';
import { randomBytes, randomUUID } from 'node:crypto';
import { createBackoffPolicy } from '../backoff/backoff-policy';
import {
  startLocalRetryInfrastructure,
  type LocalRetryInfrastructure,
} from '../local/start-local-retry-infrastructure';
import {
  enqueueShopifyMutation,
  type EnqueueShopifyMutationInput,
} from '../persistence/enqueue-shopify-mutation';
import { createPrismaMerchantTokenStore } from '../persistence/prisma-merchant-token-store';
import type { OutboxStore } from '../ports/outbox-store';
import type { MutationAlert } from '../ports/mutation-alert';
import type { QueueLogger } from '../ports/queue-logger';
import { createScaledClock } from '../ports/scaled-clock';
import { replayMutations } from '../replay/replay-mutations';
import { sweepOutbox } from '../sweep/sweep-outbox';
import { createMerchantAccessTokens } from '../tokens/create-merchant-access-tokens';
import { createMutationDispatcher, type MutationDispatcher } from './create-mutation-dispatcher';
import { SHOP_UNINSTALLED_ERROR } from './shop-uninstalled-error';

const API_KEY = 'queue-test-key';
const API_SECRET = 'queue-test-secret';
const API_VERSION = '2026-10';
const SHOP = 'demo-shop.myshopify.com';
const TIME_SCALE = 0.001;
// 400 s of (virtual) retrying: 7 attempts, about 1.3 s of real time at TIME_SCALE.
const backoff = createBackoffPolicy({ deadlineSeconds: 400 });

const until = <T>(probe: () => Promise<T | undefined>, what: string, ms?: number) =>
  pollUntil(what, probe, { intervalMs: 20, ...(ms === undefined ? {} : { timeoutMs: ms }) });

describe.each(testDatabaseTargets())('Shopify mutation outbox on %s', (target) => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let outbox: OutboxStore;
  let sim: ShopifySimulator;
  let green: FakeGreen;
  let infra: LocalRetryInfrastructure;
  let dispatcher: MutationDispatcher;
  let cipher: TokenCipher;
  let merchantId: string;
  let simulatorOffsetMs = 0;
  const clock = createScaledClock(TIME_SCALE);
  const alerts: MutationAlert[] = [];
  const logs: { level: string; message: string; context?: Record<string, unknown> }[] = [];
  const logger: QueueLogger = {
    info: (message, context) =>
      logs.push({ level: 'info', message, ...(context ? { context } : {}) }),
    warn: (message, context) =>
      logs.push({ level: 'warn', message, ...(context ? { context } : {}) }),
    error: (message, context) =>
      logs.push({ level: 'error', message, ...(context ? { context } : {}) }),
  };

  const statusOf = async (id: string, wanted: ShopifyMutationStatus) => {
    const row = await prisma.shopifyMutation.findUniqueOrThrow({ where: { id } });
    return row.status === wanted ? row : undefined;
  };

  const enqueue = async (
    input: Partial<EnqueueShopifyMutationInput> = {},
  ): Promise<ShopifyMutation> =>
    prisma.$transaction((tx) =>
      enqueueShopifyMutation(tx, {
        kind: 'PAYMENTS_APP_CONFIGURE',
        merchantId,
        variables: { externalHandle: `handle-${randomUUID()}`, ready: true },
        dedupeKey: `test:${randomUUID()}`,
        ...input,
      }),
    );

  const successesFor = (mutation: string, match: (variables: Record<string, unknown>) => boolean) =>
    sim.successfulMutations(mutation).filter((m) => match(m.variables));

  beforeAll(async () => {
    db = await createTestDatabase(target);
    prisma = db.prisma;
    outbox = createOutboxStore(prisma);
    const pki = createThrowawayPki();
    green = await startFakeGreen(pki, API_SECRET);
    sim = await startShopifySimulator({
      apiKey: API_KEY,
      apiSecret: API_SECRET,
      apiVersion: API_VERSION,
      shops: [SHOP],
      green: {
        url: green.url,
        ca: pki.caCert,
        clientCert: pki.clientCert,
        clientKey: pki.clientKey,
      },
      now: () => Date.now() + simulatorOffsetMs,
    });
    cipher = createTokenCipher(randomBytes(32).toString('base64'));
    const issued = sim.issueAccessToken(SHOP);
    const merchant = await prisma.merchant.create({
      data: {
        shopDomain: SHOP,
        accessTokenEnc: cipher.encrypt(issued.accessToken, SHOP),
        accessTokenExpiresAt: new Date(Date.now() + issued.expiresIn * 1000),
        refreshTokenEnc: cipher.encrypt(issued.refreshToken, SHOP),
      },
    });
    merchantId = merchant.id;
    infra = await startLocalRetryInfrastructure({
      timeScale: TIME_SCALE,
      dispatch: (message) => dispatcher.dispatch(message.mutationId, message.attempt),
      logger,
    });
    dispatcher = createMutationDispatcher({
      outbox,
      paymentsApps: createPaymentsAppsClient({
        apiVersion: API_VERSION,
        adminOrigin: sim.url,
        timeoutMs: 500,
      }),
      tokens: createMerchantAccessTokens({
        store: createPrismaMerchantTokenStore(prisma),
        cipher,
        refresh: ({ shop, refreshToken }) =>
          refreshAccessToken({
            shop,
            refreshToken,
            apiKey: API_KEY,
            apiSecret: API_SECRET,
            adminOrigin: sim.url,
            timeoutMs: 2_000,
          }),
        clock: systemClock,
      }),
      scheduler: infra.scheduler,
      clock,
      alert: (alert) => {
        alerts.push(alert);
      },
      logger,
      backoff,
    });
  }, 60_000);

  afterAll(async () => {
    await infra?.close();
    await sim?.close();
    await green?.close();
    await db?.close();
  });

  it('enqueues idempotently on the dedupe key, inside the caller transaction', async () => {
    const dedupeKey = `test:${randomUUID()}`;
    const first = await enqueue({ dedupeKey });
    const second = await enqueue({
      dedupeKey,
      variables: { externalHandle: 'other', ready: false },
    });
    expect(second.id).toBe(first.id);
    expect(second.payload).toEqual(first.payload);
    expect(await prisma.shopifyMutation.count({ where: { dedupeKey } })).toBe(1);

    // Rolled back with the caller's transaction.
    const rolledBack = `test:${randomUUID()}`;
    await expect(
      prisma.$transaction(async (tx) => {
        await enqueueShopifyMutation(tx, {
          kind: 'PAYMENTS_APP_CONFIGURE',
          merchantId,
          variables: { externalHandle: 'x', ready: true },
          dedupeKey: rolledBack,
        });
        throw new Error('state change failed');
      }),
    ).rejects.toThrow('state change failed');
    expect(await prisma.shopifyMutation.count({ where: { dedupeKey: rolledBack } })).toBe(0);
    await prisma.shopifyMutation.delete({ where: { id: first.id } });
  });

  it('retries 500, timeout, 429 Retry-After and reset, then delivers exactly once', async () => {
    sim.injectFaults([
      { kind: 'http', status: 500 },
      { kind: 'timeout', ms: 1_500 },
      { kind: 'http', status: 429, retryAfterSeconds: 45 },
      { kind: 'reset' },
    ]);
    const handle = `faults-${randomUUID()}`;
    const row = await enqueue({ variables: { externalHandle: handle, ready: true } });
    const first = await dispatcher.dispatchSoon(row.id);
    expect(first).toMatchObject({ outcome: 'retry-scheduled', attempt: 1 });

    const done = await until(() => statusOf(row.id, 'SUCCEEDED'), 'delivery');
    expect(done.attempts).toBe(5);
    expect(done.completedAt).not.toBeNull();
    expect(
      successesFor('paymentsAppConfigure', (v) => v.h === handle || v.externalHandle === handle),
    ).toHaveLength(1);
    expect(sim.configuration(SHOP)).toMatchObject({ externalHandle: handle, ready: true });

    const retries = logs
      .filter(
        (l) => l.message === 'shopify mutation will be retried' && l.context?.mutationId === row.id,
      )
      .map((l) => l.context as { attempt: number; delaySeconds: number; reason: string });
    expect(retries.map((r) => r.attempt)).toEqual([1, 2, 3, 4]);
    // Attempt 3 got 429 with Retry-After: 45 s, more than the 30 s ± 20 % schedule.
    expect(retries[2]?.delaySeconds).toBeGreaterThanOrEqual(45);
    expect(alerts.filter((a) => a.mutationId === row.id)).toEqual([]);
  });

  it('exhausts under a permanent outage, dead-letters and alerts; replay delivers after the outage', async () => {
    sim.setOutage(true);
    const handle = `outage-${randomUUID()}`;
    const row = await enqueue({ variables: { externalHandle: handle, ready: true } });
    await dispatcher.dispatchSoon(row.id);
    const exhausted = await until(() => statusOf(row.id, 'EXHAUSTED'), 'exhaustion');
    expect(exhausted.attempts).toBe(backoff.maxAttempts);
    expect(exhausted.lastError).toContain('503');

    const dead = await until(async () => {
      const received = await infra.sqs.send(
        new ReceiveMessageCommand({ QueueUrl: infra.dlqUrl, MaxNumberOfMessages: 10 }),
      );
      const bodies = (received.Messages ?? []).map(
        (m) => JSON.parse(m.Body ?? '{}') as { mutationId?: string },
      );
      return bodies.find((b) => b.mutationId === row.id);
    }, 'dead letter');
    expect(dead).toMatchObject({ mutationId: row.id, attempts: backoff.maxAttempts });
    expect(alerts).toContainEqual(
      expect.objectContaining({ mutationId: row.id, reason: 'exhausted', severity: 'high' }),
    );

    // Still exhausted: nothing retries it on its own.
    expect(await dispatcher.dispatch(row.id)).toEqual({ outcome: 'skipped', reason: 'exhausted' });
    sim.setOutage(false);
    const [replayed] = await replayMutations(
      { outbox, dispatcher, clock },
      { mutationIds: [row.id] },
    );
    expect(replayed).toMatchObject({
      replayed: true,
      result: { outcome: 'succeeded', attempt: 1 },
    });
    expect((await prisma.shopifyMutation.findUniqueOrThrow({ where: { id: row.id } })).status).toBe(
      'SUCCEEDED',
    );
    expect(successesFor('paymentsAppConfigure', (v) => v.externalHandle === handle)).toHaveLength(
      1,
    );

    // Succeeded rows are not replayable.
    const [again] = await replayMutations({ outbox, dispatcher, clock }, { allExhausted: true });
    expect(again).toBeUndefined();
    const [forced] = await replayMutations(
      { outbox, dispatcher, clock },
      { mutationIds: [row.id] },
      { force: true },
    );
    expect(forced).toMatchObject({
      replayed: false,
      reason: 'not-replayable',
      status: 'SUCCEEDED',
    });
  }, 40_000);

  it('marks userErrors FAILED with an alert and never retries them', async () => {
    sim.injectFaults([{ kind: 'user-errors', message: 'External handle is not allowed' }]);
    const row = await enqueue();
    expect(await dispatcher.dispatchSoon(row.id)).toEqual({
      outcome: 'failed',
      attempt: 1,
      conflict: false,
    });
    const failed = await prisma.shopifyMutation.findUniqueOrThrow({ where: { id: row.id } });
    expect(failed.status).toBe('FAILED');
    expect(failed.result).toMatchObject({
      userErrors: [expect.objectContaining({ message: 'External handle is not allowed' })],
    });
    expect(alerts).toContainEqual(
      expect.objectContaining({ mutationId: row.id, severity: 'warning' }),
    );
    const calls = sim.mutations().length;
    expect(await dispatcher.dispatch(row.id)).toEqual({ outcome: 'skipped', reason: 'completed' });
    expect(await sweepOutbox({ outbox, dispatcher, limit: 50, clock })).toMatchObject({
      examined: 0,
    });
    expect(sim.mutations()).toHaveLength(calls);
  });

  describe('payment sessions', () => {
    const createPayment = async (owner = merchantId) => {
      const placed = await sim.placeOrder({ amount: '12.50' });
      const session = placed.order.paymentSessions.at(-1);
      if (!session) throw new Error('no payment session');
      const payment = await prisma.paymentRecord.create({
        data: {
          merchantId: owner,
          shopifyId: session.id,
          gid: session.gid,
          group: session.group,
          amount: '12.50',
          currency: 'USD',
          tokenAmount: 12_500_000n,
          tokenMint: 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v',
          tokenDecimals: 6,
          recipientWallet: '9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin',
          referenceKey: randomUUID(),
          test: true,
          cancelUrl: 'https://example.com/cancel',
          apiVersion: API_VERSION,
          expiresAt: new Date(Date.now() + 3_600_000),
        },
      });
      return { session, payment };
    };

    it('counts "already resolved" (an answer lost after Shopify applied it) as success and stores the redirect URL', async () => {
      const { session, payment } = await createPayment();
      sim.injectFaults([{ kind: 'reset', afterApply: true }]);
      const row = await enqueue({
        kind: 'PAYMENT_SESSION_RESOLVE',
        paymentId: payment.id,
        variables: { id: session.gid },
        dedupeKey: `PAYMENT_SESSION_RESOLVE:${payment.id}`,
        apiVersion: API_VERSION,
      });
      await dispatcher.dispatchSoon(row.id);
      const done = await until(() => statusOf(row.id, 'SUCCEEDED'), 'resolve');
      expect(done.attempts).toBe(2);
      const stored = await prisma.paymentRecord.findUniqueOrThrow({ where: { id: payment.id } });
      expect(stored.redirectUrl).toMatch(/^https?:\/\//);
      expect(done.result).toMatchObject({ redirectUrl: stored.redirectUrl });
      expect(
        sim
          .orders()
          .flatMap((o) => o.paymentSessions)
          .find((s) => s.id === session.id)?.state,
      ).toBe('resolved');
      expect(successesFor('paymentSessionResolve', (v) => v.id === session.gid)).toHaveLength(1);
    });

    it('refuses a resolve for a shop that left: never sent, FAILED with the reason, the paid payment flagged in the same transaction', async () => {
      const departed = await prisma.merchant.create({
        data: {
          shopDomain: `left-${randomUUID().slice(0, 8)}.myshopify.com`,
          installState: 'UNINSTALLED',
        },
      });
      const { session, payment } = await createPayment(departed.id);
      await prisma.paymentRecord.update({ where: { id: payment.id }, data: { status: 'PAID' } });
      const row = await enqueue({
        kind: 'PAYMENT_SESSION_RESOLVE',
        merchantId: departed.id,
        paymentId: payment.id,
        variables: { id: session.gid },
        dedupeKey: `PAYMENT_SESSION_RESOLVE:${payment.id}`,
      });
      const calls = sim.mutations().length;

      expect(await dispatcher.dispatchSoon(row.id)).toEqual({
        outcome: 'failed',
        attempt: 1,
        conflict: false,
      });
      const cancelled = await prisma.shopifyMutation.findUniqueOrThrow({ where: { id: row.id } });
      expect(cancelled).toMatchObject({
        status: 'FAILED',
        lastError: SHOP_UNINSTALLED_ERROR,
        lockedUntil: null,
      });
      const flagged = await prisma.paymentRecord.findUniqueOrThrow({ where: { id: payment.id } });
      expect(flagged.orphanedAt).toEqual(cancelled.completedAt);
      expect(sim.mutations()).toHaveLength(calls);
      expect(await sweepOutbox({ outbox, dispatcher, limit: 50, clock })).toMatchObject({
        examined: 0,
      });
    });

    it('treats a reject after a resolve as a conflict: FAILED with a high-severity alert', async () => {
      const { session, payment } = await createPayment();
      const resolve = await enqueue({
        kind: 'PAYMENT_SESSION_RESOLVE',
        paymentId: payment.id,
        variables: { id: session.gid },
        dedupeKey: `PAYMENT_SESSION_RESOLVE:${payment.id}`,
      });
      expect(await dispatcher.dispatchSoon(resolve.id)).toMatchObject({ outcome: 'succeeded' });
      const reject = await enqueue({
        kind: 'PAYMENT_SESSION_REJECT',
        paymentId: payment.id,
        variables: {
          id: session.gid,
          reason: { code: 'PROCESSING_ERROR', merchantMessage: 'expired' },
        },
        dedupeKey: `PAYMENT_SESSION_REJECT:${payment.id}`,
      });
      expect(await dispatcher.dispatchSoon(reject.id)).toEqual({
        outcome: 'failed',
        attempt: 1,
        conflict: true,
      });
      expect(alerts).toContainEqual(
        expect.objectContaining({ mutationId: reject.id, severity: 'high', reason: 'conflict' }),
      );
    });
  });

  it('delivers a row committed without a dispatch (crash before send) through the sweep, once', async () => {
    const handle = `crash-${randomUUID()}`;
    const row = await enqueue({ variables: { externalHandle: handle, ready: true } });
    // No dispatchSoon: the process "died" right after the commit.
    const swept = await sweepOutbox({ outbox, dispatcher, limit: 50, clock });
    expect(swept.results).toContainEqual({
      mutationId: row.id,
      result: expect.objectContaining({ outcome: 'succeeded' }),
    });
    const again = await sweepOutbox({ outbox, dispatcher, limit: 50, clock });
    expect(again.results.map((r) => r.mutationId)).not.toContain(row.id);
    expect(successesFor('paymentsAppConfigure', (v) => v.externalHandle === handle)).toHaveLength(
      1,
    );
  });

  it('takes over a row whose worker died mid-send once its lock expires', async () => {
    const handle = `stuck-${randomUUID()}`;
    const row = await enqueue({ variables: { externalHandle: handle, ready: true } });
    await prisma.shopifyMutation.update({
      where: { id: row.id },
      data: {
        status: 'IN_FLIGHT',
        attempts: 1,
        lockedUntil: new Date(clock.now().getTime() - 1_000),
      },
    });
    await sweepOutbox({ outbox, dispatcher, limit: 50, clock });
    expect(await prisma.shopifyMutation.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject(
      {
        status: 'SUCCEEDED',
        attempts: 2,
      },
    );
  });

  it('claims atomically: concurrent dispatches of one row send it once', async () => {
    const handle = `race-${randomUUID()}`;
    const row = await enqueue({ variables: { externalHandle: handle, ready: true } });
    const results = await Promise.all(Array.from({ length: 5 }, () => dispatcher.dispatch(row.id)));
    expect(results.filter((r) => r.outcome === 'succeeded')).toHaveLength(1);
    expect(successesFor('paymentsAppConfigure', (v) => v.externalHandle === handle)).toHaveLength(
      1,
    );
  });

  it('refreshes an access token Shopify no longer accepts and persists the rotated refresh token', async () => {
    const before = await prisma.merchant.findUniqueOrThrow({ where: { id: merchantId } });
    const oldRefresh = cipher.decrypt(before.refreshTokenEnc ?? '', SHOP);
    // Two hours later at Shopify: our stored expiry is stale, the access token is dead (401).
    simulatorOffsetMs = 2 * 3_600_000;
    const handle = `expired-${randomUUID()}`;
    const row = await enqueue({ variables: { externalHandle: handle, ready: true } });
    expect(await dispatcher.dispatchSoon(row.id)).toMatchObject({
      outcome: 'succeeded',
      attempt: 1,
    });
    const after = await prisma.merchant.findUniqueOrThrow({ where: { id: merchantId } });
    const newRefresh = cipher.decrypt(after.refreshTokenEnc ?? '', SHOP);
    expect(newRefresh).not.toBe(oldRefresh);
    expect(after.accessTokenEnc).not.toBe(before.accessTokenEnc);
    const unauthorized = sim.mutations().filter((m) => m.httpStatus === 401);
    expect(unauthorized.length).toBeGreaterThanOrEqual(1);
    expect(successesFor('paymentsAppConfigure', (v) => v.externalHandle === handle)).toHaveLength(
      1,
    );
  });

  it('refreshes a token that expires within five minutes before calling Shopify', async () => {
    await prisma.merchant.update({
      where: { id: merchantId },
      data: { accessTokenExpiresAt: new Date(Date.now() + 60_000) },
    });
    const calls = sim.mutations().length;
    const handle = `expiring-${randomUUID()}`;
    const row = await enqueue({ variables: { externalHandle: handle, ready: true } });
    expect(await dispatcher.dispatchSoon(row.id)).toMatchObject({
      outcome: 'succeeded',
      attempt: 1,
    });
    // No 401 round trip: the first call already carried the fresh token.
    expect(
      sim
        .mutations()
        .slice(calls)
        .map((m) => m.httpStatus),
    ).toEqual([200]);
    const merchant = await prisma.merchant.findUniqueOrThrow({ where: { id: merchantId } });
    expect(merchant.accessTokenExpiresAt?.getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);
  });

  it('keeps the rotation consistent when two workers refresh at once', async () => {
    const tokens = createMerchantAccessTokens({
      store: createPrismaMerchantTokenStore(prisma),
      cipher,
      refresh: ({ shop, refreshToken }) =>
        refreshAccessToken({
          shop,
          refreshToken,
          apiKey: API_KEY,
          apiSecret: API_SECRET,
          adminOrigin: sim.url,
          timeoutMs: 2_000,
        }),
      clock: systemClock,
    });
    const [a, b] = await Promise.all([
      tokens.getAccessToken(merchantId, { forceRefresh: true }),
      tokens.getAccessToken(merchantId, { forceRefresh: true }),
    ]);
    expect(a).toMatchObject({ ok: true });
    expect(b).toMatchObject({ ok: true });
    // Whatever interleaving happened, the stored refresh token is the live one.
    const next = await tokens.getAccessToken(merchantId, { forceRefresh: true });
    expect(next).toMatchObject({ ok: true, refreshed: true });
    const handle = `after-race-${randomUUID()}`;
    const row = await enqueue({ variables: { externalHandle: handle, ready: true } });
    expect(await dispatcher.dispatchSoon(row.id)).toMatchObject({ outcome: 'succeeded' });
  });
});
