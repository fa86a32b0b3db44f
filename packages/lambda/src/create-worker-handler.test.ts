import { describe, expect, it } from '@jest/globals';
import * as z from 'zod';
import { createWorkerHandler } from './create-worker-handler';
import { buildLambdaContext } from './testing/build-lambda-context';
import { captureLogs } from './testing/capture-logs.fixture';
import { DependencyUnavailableError, InvalidInputError } from '@solpay/domain';

const task = z.object({ recordId: z.string(), attempt: z.number().int() });

describe('createWorkerHandler', () => {
  it('parses the input and returns the result', async () => {
    const logs = captureLogs();
    const handler = createWorkerHandler(
      'resolve-task',
      task,
      async (input) => ({ done: input.recordId, next: input.attempt + 1 }),
      logs,
    );
    const context = buildLambdaContext();
    await expect(handler({ recordId: 'r1', attempt: 2 }, context)).resolves.toEqual({
      done: 'r1',
      next: 3,
    });
    expect(logs.lines.find((line) => line.msg === 'worker done')).toMatchObject({
      handler: 'resolve-task',
      requestId: context.awsRequestId,
    });
  });

  it('throws a InvalidInputError naming the field when the input does not match', async () => {
    const logs = captureLogs();
    let called = false;
    const handler = createWorkerHandler(
      'resolve-task',
      task,
      async () => {
        called = true;
      },
      logs,
    );
    const error = await handler({ recordId: 'r1', attempt: 'x' }, buildLambdaContext()).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).details).toEqual({ path: 'attempt' });
    expect(called).toBe(false);
  });

  it('logs and rethrows failures unchanged (Step Functions matches on the error name)', async () => {
    const logs = captureLogs();
    const failure = new DependencyUnavailableError('Shopify 502');
    const handler = createWorkerHandler(
      'resolve-task',
      task,
      async () => {
        throw failure;
      },
      logs,
    );
    await expect(handler({ recordId: 'r1', attempt: 1 }, buildLambdaContext())).rejects.toBe(
      failure,
    );
    expect(failure.name).toBe('DependencyUnavailableError');
    const line = logs.lines.find((l) => l.msg === 'worker failed');
    expect(line).toMatchObject({ level: 'error', error: { message: 'Shopify 502' } });
  });
});
