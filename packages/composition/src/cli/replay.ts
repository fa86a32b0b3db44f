/**
 * Operator replay of Shopify mutations (DESIGN §3.3):
 *   npm run replay -- <mutation-id>... [--force]
 *   npm run replay -- --all-exhausted [--force]
 * Reads the same settings as the app: DATABASE_URL (default: `.local/stack.json`'s
 * `databaseUrl`), SHOPIFY_API_KEY, SHOPIFY_API_SECRET, SHOPIFY_API_VERSION, SHOPIFY_ADMIN_ORIGIN,
 * SHOPIFY_HTTP_TIMEOUT_MS, TOKEN_ENCRYPTION_KEY, and RETRY_QUEUE_URL + RETRY_DEAD_LETTER_QUEUE_URL
 * (AWS_ENDPOINT_URL_SQS for a local SQS). Without a queue, retries are left to the outbox sweep.
 */
import { SQSClient } from '@aws-sdk/client-sqs';
import { createPrismaClient } from '@solpay/db';
import { createPaymentsAppsClient, createTokenCipher, refreshAccessToken } from '@solpay/shopify';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { systemClock } from '@solpay/domain';
import {
  createMerchantAccessTokens,
  createMutationDispatcher,
  createOutboxOnlyRetryScheduler,
  createPrismaMerchantTokenStore,
  parseReplayArgs,
  replayMutations,
  lazySqsMessageSender,
  SqsRetryScheduler,
  type QueueLogger,
} from '@solpay/queue';
import { createOutboxStore } from '@solpay/persistence';

const envSchema = z.object({
  DATABASE_URL: z.string().min(1),
  SHOPIFY_API_KEY: z.string().min(1),
  SHOPIFY_API_SECRET: z.string().min(1),
  SHOPIFY_API_VERSION: z.string().default('2026-10'),
  SHOPIFY_ADMIN_ORIGIN: z.url().optional(),
  SHOPIFY_HTTP_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  TOKEN_ENCRYPTION_KEY: z.string().min(1),
  RETRY_QUEUE_URL: z.url().optional(),
  RETRY_DEAD_LETTER_QUEUE_URL: z.url().optional(),
});

const stderrLogger: QueueLogger = {
  info: (message, context) => console.error(`info: ${message}`, context ?? ''),
  warn: (message, context) => console.error(`warn: ${message}`, context ?? ''),
  error: (message, context) => console.error(`error: ${message}`, context ?? ''),
};

function localDatabaseUrl(): string | undefined {
  const stackFile = path.resolve(process.cwd(), '.local/stack.json');
  if (!existsSync(stackFile)) return undefined;
  const stack = z
    .object({ databaseUrl: z.string() })
    .safeParse(JSON.parse(readFileSync(stackFile, 'utf8')));
  return stack.success ? stack.data.databaseUrl : undefined;
}

async function main(): Promise<number> {
  const args = parseReplayArgs(process.argv.slice(2));
  if (!args.ok) {
    console.error(args.message);
    return 2;
  }
  const env = envSchema.safeParse({
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL || localDatabaseUrl(),
  });
  if (!env.success) {
    console.error(
      `configuration: ${env.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
    );
    return 2;
  }
  const config = env.data;
  const prisma = createPrismaClient(config.DATABASE_URL);
  const sqs = new SQSClient({});
  const outbox = createOutboxStore(prisma);
  try {
    const scheduler =
      config.RETRY_QUEUE_URL && config.RETRY_DEAD_LETTER_QUEUE_URL
        ? new SqsRetryScheduler({
            sqs: lazySqsMessageSender(() => sqs),
            queueUrl: config.RETRY_QUEUE_URL,
            deadLetterQueueUrl: config.RETRY_DEAD_LETTER_QUEUE_URL,
          })
        : createOutboxOnlyRetryScheduler(stderrLogger);
    const dispatcher = createMutationDispatcher({
      outbox,
      paymentsApps: createPaymentsAppsClient({
        apiVersion: config.SHOPIFY_API_VERSION,
        adminOrigin: config.SHOPIFY_ADMIN_ORIGIN,
        timeoutMs: config.SHOPIFY_HTTP_TIMEOUT_MS,
      }),
      tokens: createMerchantAccessTokens({
        store: createPrismaMerchantTokenStore(prisma),
        cipher: createTokenCipher(config.TOKEN_ENCRYPTION_KEY),
        refresh: ({ shop, refreshToken }) =>
          refreshAccessToken({
            shop,
            refreshToken,
            apiKey: config.SHOPIFY_API_KEY,
            apiSecret: config.SHOPIFY_API_SECRET,
            adminOrigin: config.SHOPIFY_ADMIN_ORIGIN,
            timeoutMs: config.SHOPIFY_HTTP_TIMEOUT_MS,
          }),
        clock: systemClock,
      }),
      scheduler,
      clock: systemClock,
      alert: (alert) => stderrLogger.error(alert.message, { ...alert }),
      logger: stderrLogger,
    });
    const outcomes = await replayMutations(
      { outbox, dispatcher, clock: systemClock },
      args.selection,
      { force: args.force },
    );
    if (outcomes.length === 0) console.log('nothing to replay');
    for (const outcome of outcomes) {
      console.log(
        outcome.replayed
          ? `${outcome.mutationId}: replayed -> ${outcome.result.outcome}${'reason' in outcome.result ? ` (${outcome.result.reason})` : ''}`
          : `${outcome.mutationId}: not replayed (${outcome.reason}${outcome.status ? `, status ${outcome.status}` : ''})`,
      );
    }
    return outcomes.some((o) => !o.replayed) ? 1 : 0;
  } finally {
    sqs.destroy();
    await prisma.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
