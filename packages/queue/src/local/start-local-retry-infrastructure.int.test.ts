import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { randomUUID } from 'node:crypto';
import type { RetryMessage } from '../retry/retry-message-schema';
import {
  startLocalRetryInfrastructure,
  type LocalRetryInfrastructure,
} from './start-local-retry-infrastructure';

async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('startLocalRetryInfrastructure', () => {
  let infra: LocalRetryInfrastructure;
  const dispatched: RetryMessage[] = [];

  beforeAll(async () => {
    infra = await startLocalRetryInfrastructure({
      timeScale: 0.001,
      dispatch: async (message) => {
        dispatched.push(message);
        return { outcome: 'skipped' };
      },
    });
  });

  afterAll(async () => {
    await infra.close();
  });

  it('serves SQS on loopback with resolvable queue URLs', () => {
    expect(infra.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(infra.queueUrl).toContain('shopify-retry-');
    expect(infra.dlqUrl).toContain('shopify-retry-dlq-');
  });

  it('runs the serverless.yml state machine for a scheduled retry, waiting the scaled delay', async () => {
    const message: RetryMessage = {
      mutationId: randomUUID(),
      attempt: 3,
      delaySeconds: 30,
      dueAt: new Date().toISOString(),
    };
    await infra.scheduler.schedule(message);
    await until(() => dispatched.some((m) => m.mutationId === message.mutationId), 'dispatch');
    expect(dispatched.filter((m) => m.mutationId === message.mutationId)).toEqual([message]);
  });

  it('starts one execution for a message delivered twice', async () => {
    const message: RetryMessage = {
      mutationId: randomUUID(),
      attempt: 2,
      delaySeconds: 0,
      dueAt: new Date().toISOString(),
    };
    const body = JSON.stringify(message);
    await infra.sqs.send(new SendMessageCommand({ QueueUrl: infra.queueUrl, MessageBody: body }));
    await infra.sqs.send(new SendMessageCommand({ QueueUrl: infra.queueUrl, MessageBody: body }));
    await until(
      () => infra.executionNames().filter((n) => n.startsWith(message.mutationId)).length === 1,
      'execution',
    );
    await until(() => dispatched.some((m) => m.mutationId === message.mutationId), 'dispatch');
    // A second, different message for the same mutation still gets through afterwards.
    const next = { ...message, attempt: 3 };
    await infra.scheduler.schedule(next);
    await until(
      () => dispatched.filter((m) => m.mutationId === message.mutationId).length === 2,
      'second dispatch',
    );
    expect(dispatched.filter((m) => m.mutationId === message.mutationId)).toEqual([message, next]);
  });

  it('puts dead letters on the dead-letter queue', async () => {
    const mutationId = randomUUID();
    await infra.scheduler.deadLetter({
      mutationId,
      kind: 'PAYMENT_SESSION_RESOLVE',
      merchantId: randomUUID(),
      attempts: 7,
      lastError: 'transient: http-5xx (HTTP 503)',
      exhaustedAt: new Date().toISOString(),
    });
    const received = await infra.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: infra.dlqUrl, MaxNumberOfMessages: 10 }),
    );
    const bodies = (received.Messages ?? []).map((m) => JSON.parse(m.Body ?? '{}'));
    expect(bodies).toEqual([expect.objectContaining({ mutationId, attempts: 7 })]);
  });
});

describe('local queue URLs', () => {
  it('work as the endpoint themselves (no custom endpoint on the client)', async () => {
    const infra = await startLocalRetryInfrastructure({ timeScale: 0, dispatch: async () => null });
    try {
      const { SQSClient } = await import('@aws-sdk/client-sqs');
      const plain = new SQSClient({
        region: 'us-east-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      });
      await plain.send(new SendMessageCommand({ QueueUrl: infra.dlqUrl, MessageBody: '{}' }));
      const received = await infra.sqs.send(new ReceiveMessageCommand({ QueueUrl: infra.dlqUrl }));
      expect(received.Messages?.map((m) => m.Body)).toEqual(['{}']);
      plain.destroy();
    } finally {
      await infra.close();
    }
  });
});
