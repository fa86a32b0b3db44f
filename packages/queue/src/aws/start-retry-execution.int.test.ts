import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SFNClient } from '@aws-sdk/client-sfn';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startRetryExecution } from './start-retry-execution';

/**
 * A loopback stand-in for the Step Functions API (AWS JSON 1.0 protocol): remembers execution
 * names per state machine and answers a reused name with ExecutionAlreadyExists, like AWS.
 */
function startFakeStepFunctions(): Promise<{
  server: Server;
  url: string;
  calls: Record<string, unknown>[];
}> {
  const names = new Set<string>();
  const calls: Record<string, unknown>[] = [];
  const server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    calls.push({ target: req.headers['x-amz-target'], ...body });
    res.setHeader('content-type', 'application/x-amz-json-1.0');
    if (req.headers['x-amz-target'] !== 'AWSStepFunctions.StartExecution') {
      res.statusCode = 400;
      res.end(JSON.stringify({ __type: 'com.amazonaws.states#InvalidAction', message: 'nope' }));
      return;
    }
    const key = `${String(body.stateMachineArn)}/${String(body.name)}`;
    if (names.has(key)) {
      res.statusCode = 400;
      res.end(
        JSON.stringify({
          __type: 'com.amazonaws.states#ExecutionAlreadyExists',
          message: `Execution Already Exists: '${String(body.name)}'`,
        }),
      );
      return;
    }
    names.add(key);
    res.end(
      JSON.stringify({
        executionArn: `arn:aws:states:us-east-1:000000000000:execution:retry:${String(body.name)}`,
        startDate: Date.now() / 1000,
      }),
    );
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls }),
    ),
  );
}

describe('startRetryExecution', () => {
  let fake: Awaited<ReturnType<typeof startFakeStepFunctions>>;
  let sfn: SFNClient;
  const arn = 'arn:aws:states:us-east-1:000000000000:stateMachine:retry';
  const message = {
    mutationId: '0b6f3a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
    attempt: 4,
    delaySeconds: 60,
    dueAt: '2026-03-01T10:00:00.000Z',
  };

  beforeAll(async () => {
    fake = await startFakeStepFunctions();
    sfn = new SFNClient({
      endpoint: fake.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    });
  });

  afterAll(async () => {
    sfn.destroy();
    await new Promise((resolve) => fake.server.close(resolve));
  });

  it('starts a named execution with the message as input', async () => {
    const result = await startRetryExecution(sfn, arn, message);
    expect(result).toMatchObject({
      started: true,
      executionArn: expect.stringContaining(':execution:'),
    });
    expect(fake.calls.at(-1)).toMatchObject({
      stateMachineArn: arn,
      input: JSON.stringify(message),
    });
  });

  it('treats a redelivered message as done (ExecutionAlreadyExists)', async () => {
    expect(await startRetryExecution(sfn, arn, message)).toMatchObject({
      started: false,
      duplicate: true,
    });
  });

  it('refuses an invalid message before calling AWS', async () => {
    const calls = fake.calls.length;
    await expect(startRetryExecution(sfn, arn, { ...message, attempt: 0 })).rejects.toThrow();
    expect(fake.calls).toHaveLength(calls);
  });
});
