import {
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import {
  StateMachine,
  type StateMachineDefinition as AslDefinition,
} from 'aws-local-stepfunctions';
import type { AddressInfo } from 'node:net';
import { lazySqsMessageSender } from '../aws/sqs-message-sender';
import { SqsRetryScheduler } from '../aws/sqs-retry-scheduler';
import { silentLogger, type QueueLogger } from '../ports/queue-logger';
import { retryExecutionName } from '../retry/execution-name';
import { retryMessageSchema, type RetryMessage } from '../retry/retry-message-schema';
import { loadRetryStateMachine, type StateMachineDefinition } from './load-retry-state-machine';

/** Options of {@link startLocalRetryInfrastructure}. */
export interface LocalRetryInfrastructureOptions {
  /** Multiplies every `Wait` and Task retry interval (1 = real time, 0.001 in tests). */
  timeScale: number;
  /** The local stand-in of the `mutationRetry` Lambda (usually `m => dispatcher.dispatch(m.mutationId, m.attempt)`). */
  dispatch: (message: RetryMessage) => Promise<unknown>;
  /** Path of `serverless.yml` (default: the repository's). */
  serverlessYmlPath?: string;
  logger?: QueueLogger;
  /** Long-poll duration of the consumer in seconds (default 1). */
  waitTimeSeconds?: number;
}

/** The running local SQS + Step Functions pair. */
export interface LocalRetryInfrastructure {
  /** Scheduler writing to the local retry queue and dead-letter queue. */
  scheduler: SqsRetryScheduler;
  /** SQS client pointed at the local server (an explicit endpoint, so queue URL hosts never matter). */
  sqs: SQSClient;
  /** The local SQS endpoint, e.g. `http://127.0.0.1:41234`. */
  endpoint: string;
  queueUrl: string;
  dlqUrl: string;
  /** Names of the executions started so far (one per distinct retry message). */
  executionNames(): string[];
  /** Stops polling, aborts running executions and stops the SQS server. */
  close(): Promise<void>;
}

const LOCAL_REGION = 'us-east-1';

/**
 * Runs the retry path of DESIGN §3.3 locally, for real: a `fauxqs` SQS server on 127.0.0.1 with
 * the retry queue and its dead-letter queue (same redrive as `serverless.yml`), a consumer that
 * long-polls the queue like the `retryConsumer` Lambda, and for each message an
 * `aws-local-stepfunctions` execution of the state machine read from `serverless.yml`, with
 * Task states resolved to `dispatch` and waits scaled by `timeScale`.
 */
export async function startLocalRetryInfrastructure(
  options: LocalRetryInfrastructureOptions,
): Promise<LocalRetryInfrastructure> {
  const { timeScale, dispatch } = options;
  if (!(timeScale >= 0)) throw new RangeError('timeScale must be >= 0');
  const logger = options.logger ?? silentLogger;
  const definition = await loadRetryStateMachine(options.serverlessYmlPath);
  const machine = new StateMachine(definition as unknown as AslDefinition, {
    validationOptions: { checkPaths: true, checkArn: true },
  });

  // fauxqs publishes only an ES module entry; a dynamic import loads it from CommonJS too (tsx).
  const { buildApp } = await import('fauxqs');
  const server = buildApp({ logger: false, defaultRegion: LOCAL_REGION });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const { port } = server.server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const sqs = new SQSClient({
    endpoint,
    region: LOCAL_REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

  const suffix = `${process.pid}-${port}`;
  const dlq = await sqs.send(new CreateQueueCommand({ QueueName: `shopify-retry-dlq-${suffix}` }));
  const dlqUrl = onLoopback(endpoint, required(dlq.QueueUrl, 'dead-letter queue URL'));
  const dlqAttributes = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ['QueueArn'] }),
  );
  const queue = await sqs.send(
    new CreateQueueCommand({
      QueueName: `shopify-retry-${suffix}`,
      Attributes: {
        VisibilityTimeout: '60',
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: required(
            dlqAttributes.Attributes?.QueueArn,
            'dead-letter queue ARN',
          ),
          maxReceiveCount: 5,
        }),
      },
    }),
  );
  const queueUrl = onLoopback(endpoint, required(queue.QueueUrl, 'queue URL'));
  const scheduler = new SqsRetryScheduler({
    sqs: lazySqsMessageSender(() => sqs),
    queueUrl,
    deadLetterQueueUrl: dlqUrl,
  });

  const started = new Set<string>();
  const running = new Set<{ abort: () => void; done: Promise<unknown> }>();
  const polling = new AbortController();

  const startExecution = (message: RetryMessage) => {
    // Like StartExecution with a name: a redelivered message does not start a second execution.
    const name = retryExecutionName(message);
    if (started.has(name)) return;
    started.add(name);
    const execution = machine.run(message, {
      noThrowOnAbort: true,
      overrides: {
        taskResourceLocalHandlers: taskHandlers(definition, async (input) => {
          const parsed = retryMessageSchema.parse(input);
          return toJsonValue(await dispatch(parsed));
        }),
        waitTimeOverrides: waitOverrides(definition, message, timeScale),
        retryIntervalOverrides: retryOverrides(definition, timeScale),
      },
    });
    const entry = {
      abort: execution.abort,
      done: execution.result.then(
        () => undefined,
        (error: unknown) =>
          // The row stays PENDING/IN_FLIGHT, so the outbox sweep still delivers it.
          logger.error('local retry execution failed', { name, error: String(error) }),
      ),
    };
    running.add(entry);
    void entry.done.finally(() => running.delete(entry));
  };

  const poll = async () => {
    while (!polling.signal.aborted) {
      try {
        const received = await sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: queueUrl,
            MaxNumberOfMessages: 10,
            WaitTimeSeconds: options.waitTimeSeconds ?? 1,
          }),
          { abortSignal: polling.signal },
        );
        for (const message of received.Messages ?? []) {
          const parsed = retryMessageSchema.safeParse(safeJson(message.Body));
          if (!parsed.success) {
            // Left undeleted: after maxReceiveCount receives SQS moves it to the dead-letter queue.
            logger.error('invalid retry message', {
              body: message.Body,
              issues: parsed.error.issues,
            });
            continue;
          }
          startExecution(parsed.data);
          await sqs.send(
            new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }),
          );
        }
      } catch (error) {
        if (polling.signal.aborted) return;
        logger.warn('local retry consumer poll failed', { error: String(error) });
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  };
  const consumer = poll();

  return {
    scheduler,
    sqs,
    endpoint,
    queueUrl,
    dlqUrl,
    executionNames: () => [...started],
    async close() {
      polling.abort();
      await consumer;
      for (const execution of running) execution.abort();
      await Promise.all([...running].map((execution) => execution.done));
      sqs.destroy();
      await server.close();
    },
  };
}

type JsonValue = Parameters<StateMachine['run']>[0];

function taskHandlers(
  definition: StateMachineDefinition,
  handler: (input: JsonValue) => Promise<JsonValue>,
): Record<string, (input: JsonValue) => Promise<JsonValue>> {
  return Object.fromEntries(
    Object.entries(definition.States)
      .filter(([, state]) => state.Type === 'Task')
      .map(([name]) => [name, handler]),
  );
}

function waitOverrides(
  definition: StateMachineDefinition,
  input: Record<string, unknown>,
  timeScale: number,
): Record<string, number> {
  const overrides: Record<string, number> = {};
  for (const [name, state] of Object.entries(definition.States)) {
    if (state.Type !== 'Wait') continue;
    const seconds =
      state.Seconds ??
      (state.SecondsPath?.startsWith('$.') ? Number(input[state.SecondsPath.slice(2)]) : undefined);
    // Only Seconds / top-level SecondsPath waits are scaled; anything else runs as defined.
    if (seconds !== undefined && Number.isFinite(seconds))
      overrides[name] = seconds * 1000 * timeScale;
  }
  return overrides;
}

function retryOverrides(
  definition: StateMachineDefinition,
  timeScale: number,
): Record<string, number[]> {
  const overrides: Record<string, number[]> = {};
  for (const [name, state] of Object.entries(definition.States)) {
    if (!state.Retry) continue;
    overrides[name] = state.Retry.map(
      (retrier) => (retrier.IntervalSeconds ?? 1) * 1000 * timeScale,
    );
  }
  return overrides;
}

function toJsonValue(value: unknown): JsonValue {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as JsonValue);
}

function safeJson(body: string | undefined): unknown {
  try {
    return JSON.parse(body ?? '');
  } catch {
    return undefined;
  }
}

/**
 * fauxqs names queues `http://sqs.<region>.localhost:<port>/…`, which plain DNS does not resolve;
 * it also accepts the same path on its own address, which any SQS client can reach.
 */
function onLoopback(endpoint: string, queueUrl: string): string {
  return `${endpoint}${new URL(queueUrl).pathname}`;
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`local SQS did not return the ${what}`);
  return value;
}
