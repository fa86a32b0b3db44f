import { describe, expect, it } from '@jest/globals';
import * as z from 'zod';
import { createSqsHandler } from './create-sqs-handler';
import { buildLambdaContext } from './testing/build-lambda-context';
import { buildSqsEvent } from './testing/build-sqs-event';
import { captureLogs } from './testing/capture-logs.fixture';

const retryMessage = z.object({ kind: z.literal('resolve'), paymentId: z.string() });

describe('createSqsHandler', () => {
  it('reports only the records that failed (bad JSON, bad shape, thrown) as batch failures', async () => {
    const logs = captureLogs();
    const processed: string[] = [];
    const handler = createSqsHandler(
      'retry-worker',
      retryMessage,
      async (message, { logger }) => {
        if (message.paymentId === 'explodes') throw new Error('Shopify said no');
        logger.info('resolved');
        processed.push(message.paymentId);
      },
      logs,
    );
    const event = buildSqsEvent([
      { kind: 'resolve', paymentId: 'p1' },
      { kind: 'resolve', paymentId: 42 },
      { kind: 'resolve', paymentId: 'explodes' },
      'not json {',
      { kind: 'resolve', paymentId: 'p2' },
    ]);
    const ids = event.Records.map((record) => record.messageId);
    const result = await handler(event, buildLambdaContext());
    expect(result.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(
      [ids[1], ids[2], ids[3]].sort(),
    );
    expect(processed.sort()).toEqual(['p1', 'p2']);
    const failures = logs.lines.filter((line) => line.msg === 'message failed');
    expect(failures.map((line) => line.messageId).sort()).toEqual([ids[1], ids[2], ids[3]].sort());
    expect(logs.lines.find((line) => line.msg === 'resolved')?.handler).toBe('retry-worker');
  });

  it('returns no failures when every record succeeds', async () => {
    const logs = captureLogs();
    const handler = createSqsHandler('w', retryMessage, async () => undefined, logs);
    const result = await handler(
      buildSqsEvent([{ kind: 'resolve', paymentId: 'p1' }]),
      buildLambdaContext(),
    );
    expect(result).toEqual({ batchItemFailures: [] });
  });

  it('keeps FIFO order: after a failure the rest of the batch fails unprocessed', async () => {
    const logs = captureLogs();
    const processed: string[] = [];
    const handler = createSqsHandler(
      'fifo',
      retryMessage,
      async (message) => {
        if (message.paymentId === 'bad') throw new Error('nope');
        processed.push(message.paymentId);
      },
      logs,
    );
    const event = buildSqsEvent(
      [
        { kind: 'resolve', paymentId: 'p1' },
        { kind: 'resolve', paymentId: 'bad' },
        { kind: 'resolve', paymentId: 'p3' },
      ],
      'arn:aws:sqs:us-east-1:000000000000:retries.fifo',
    );
    const ids = event.Records.map((record) => record.messageId);
    const result = await handler(event, buildLambdaContext());
    expect(result.batchItemFailures.map((f) => f.itemIdentifier)).toEqual([ids[1], ids[2]]);
    expect(processed).toEqual(['p1']);
  });
});
