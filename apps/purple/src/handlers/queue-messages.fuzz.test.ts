/**
 * Property-based tests of every queue message schema and of the two handlers that consume
 * them (the SQS retry-queue consumer and the Step Functions retry task), on the local stack:
 * malformed and adversarial messages are refused with a validation error naming the problem,
 * never crash the batch, and write nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { buildLambdaContext, buildSqsEvent, httpErrorRuleOf } from '@solpay/lambda';
import { deadLetterMessageSchema, mutationPayloadSchema, retryMessageSchema } from '@solpay/queue';
import {
  adversarialValue,
  junkBody,
  withFieldReplaced,
} from '../../../local/src/measured/adversarial-values';
import { rowCounts } from '../../../local/src/measured/row-counts';
import {
  startMeasuredStack,
  type MeasuredStack,
} from '../../../local/src/measured/start-measured-stack';
import { DomainError } from '@solpay/domain';

const RUNS = 150;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const validRetry = {
  mutationId: '0b6f3a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
  attempt: 3,
  delaySeconds: 30,
  dueAt: '2026-03-01T10:00:00.000Z',
};
const validDeadLetter = {
  mutationId: '0b6f3a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
  kind: 'PAYMENT_SESSION_RESOLVE',
  merchantId: '1b6f3a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
  attempts: 17,
  lastError: 'HTTP 503',
  exhaustedAt: '2026-03-04T10:00:00.000Z',
};
const validPayload = { variables: { id: 'gid://shopify/PaymentSession/1' }, apiVersion: '2026-10' };

/** Any JSON-ish value, or a valid message with one field replaced by something adversarial. */
const messageLike = (valid: Record<string, unknown>) =>
  fc.oneof(
    fc.anything({ maxDepth: 3 }),
    withFieldReplaced(valid),
    junkBody.map((text) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text;
      }
    }),
  );

describe('queue message schemas (pure)', () => {
  const tally = { retry: 0, deadLetter: 0, payload: 0 };

  afterAll(() => {
    console.log(
      `queue schemas: ${RUNS} cases each; accepted after mutation: ${JSON.stringify(tally)}`,
    );
  });

  it('retry message: never throws; what it accepts satisfies every invariant', () => {
    fc.assert(
      fc.property(messageLike(validRetry), (input) => {
        const parsed = retryMessageSchema.safeParse(input);
        if (!parsed.success) {
          expect(parsed.error.issues.length).toBeGreaterThan(0);
          expect(parsed.error.issues.every((issue) => issue.message.length > 0)).toBe(true);
          return;
        }
        tally.retry += 1;
        const m = parsed.data;
        expect(m.mutationId).toMatch(UUID);
        expect(Number.isSafeInteger(m.attempt) && m.attempt >= 1).toBe(true);
        expect(Number.isSafeInteger(m.delaySeconds) && m.delaySeconds >= 0).toBe(true);
        expect(m.delaySeconds).toBeLessThanOrEqual(31_536_000);
        expect(Number.isNaN(Date.parse(m.dueAt))).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it('dead-letter message: never throws; what it accepts satisfies every invariant', () => {
    fc.assert(
      fc.property(messageLike(validDeadLetter), (input) => {
        const parsed = deadLetterMessageSchema.safeParse(input);
        if (!parsed.success) {
          expect(parsed.error.issues.every((issue) => issue.message.length > 0)).toBe(true);
          return;
        }
        tally.deadLetter += 1;
        expect(parsed.data.mutationId).toMatch(UUID);
        expect(parsed.data.merchantId).toMatch(UUID);
        expect(Number.isSafeInteger(parsed.data.attempts) && parsed.data.attempts >= 0).toBe(true);
        expect(Number.isNaN(Date.parse(parsed.data.exhaustedAt))).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it('outbox payload: never throws; accepts only an object of variables', () => {
    fc.assert(
      fc.property(messageLike(validPayload), (input) => {
        const parsed = mutationPayloadSchema.safeParse(input);
        if (!parsed.success) return;
        tally.payload += 1;
        const { variables, apiVersion } = parsed.data;
        expect(
          typeof variables === 'object' && variables !== null && !Array.isArray(variables),
        ).toBe(true);
        expect(apiVersion === undefined || typeof apiVersion === 'string').toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('queue consumers on the local stack', () => {
  let m: MeasuredStack;
  type Handler = (event: unknown, context: unknown) => Promise<unknown>;
  let retryConsumer: Handler;
  let mutationRetry: Handler;

  beforeAll(async () => {
    // Every refused message is logged at warn; hundreds of them would bury the tallies.
    process.env.LOG_LEVEL = 'silent';
    m = await startMeasuredStack();
    // Imported after the stack set the app's environment, as the gateway does.
    retryConsumer = (await import('./retry-consumer')).handler as unknown as Handler;
    mutationRetry = (await import('./mutation-retry')).handler as unknown as Handler;
  }, 120_000);

  afterAll(async () => {
    await m?.close();
  });

  it('retry-queue consumer: malformed records are batch failures, the batch never throws, nothing is written', async () => {
    let records = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            junkBody,
            withFieldReplaced(validRetry).map((body) => JSON.stringify(body)),
            fc.constant(JSON.stringify({ ...validRetry, mutationId: randomUUID(), attempt: 0 })),
          ),
          { minLength: 1, maxLength: 5 },
        ),
        async (bodies) => {
          const before = await rowCounts(m.stack.prisma);
          const event = buildSqsEvent([]);
          event.Records = bodies.map((body, i) => ({
            ...buildSqsEvent(['x']).Records[0]!,
            messageId: `m-${i}`,
            body,
          }));
          const result = (await retryConsumer(event, buildLambdaContext('retry-consumer'))) as {
            batchItemFailures: { itemIdentifier: string }[];
          };
          const failed = new Set(result.batchItemFailures.map((f) => f.itemIdentifier));
          bodies.forEach((body, i) => {
            records += 1;
            let parsed: unknown;
            try {
              parsed = JSON.parse(body);
            } catch {
              parsed = Symbol('not json');
            }
            if (!retryMessageSchema.safeParse(parsed).success) {
              refused += 1;
              expect(failed.has(`m-${i}`)).toBe(true);
            }
          });
          expect(await rowCounts(m.stack.prisma)).toEqual(before);
        },
      ),
      { numRuns: RUNS },
    );
    console.log(
      `retry-queue consumer: ${records} records, ${refused} malformed → all reported as batch failures; rows unchanged`,
    );
  }, 120_000);

  it('retry task: malformed input is a validation error (4xx class) with a message; unknown mutations are a no-op; nothing is written', async () => {
    let refused = 0;
    let noops = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          messageLike(validRetry),
          fc.record({
            mutationId: fc.uuid(),
            attempt: fc.integer({ min: 1, max: 50 }),
            delaySeconds: fc.integer({ min: 0, max: 14_400 }),
            dueAt: fc.constant(new Date().toISOString()),
          }),
          fc.constant(adversarialValue),
        ),
        async (input) => {
          const before = await rowCounts(m.stack.prisma);
          const valid = retryMessageSchema.safeParse(input).success;
          let error: unknown;
          try {
            await mutationRetry(input, buildLambdaContext('mutation-retry'));
          } catch (caught) {
            error = caught;
          }
          if (valid) {
            expect(error).toBeUndefined();
            noops += 1;
          } else {
            expect(error).toBeInstanceOf(DomainError);
            const refusal = error as DomainError;
            const { status } = httpErrorRuleOf(refusal);
            expect(status).toBeGreaterThanOrEqual(400);
            expect(status).toBeLessThan(500);
            expect(refusal.message.length).toBeGreaterThan(0);
            refused += 1;
          }
          expect(await rowCounts(m.stack.prisma)).toEqual(before);
        },
      ),
      { numRuns: RUNS },
    );
    console.log(
      `retry task: ${RUNS} inputs, ${refused} refused with 4xx-class errors, ${noops} unknown mutations ignored; rows unchanged`,
    );
  }, 120_000);
});
