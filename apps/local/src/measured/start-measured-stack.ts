import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalStack } from '../stack/start-local-stack';
import type { LocalStack } from '../stack/local-stack';
import type { BackgroundWorker } from '../workers/background-worker';
import { createHttpsCaller } from './https-call';

/** A local stack for fuzz and fault tests, with HTTPS callers for both gateways. */
export interface MeasuredStack {
  stack: LocalStack;
  /** Calls green as Shopify does (client certificate of the Shopify dev CA). */
  green: ReturnType<typeof createHttpsCaller>;
  /** Calls purple as a wallet or browser does. */
  purple: ReturnType<typeof createHttpsCaller>;
  close(): Promise<void>;
}

/**
 * Starts the whole local stack in this process (OS-picked ports, a throw-away data folder, only
 * the given background workers — none by default, so nothing moves behind a test's back).
 * Handler logs are off (`MEASURED_LOG_LEVEL=warn` turns them back on to debug a failure).
 */
export async function startMeasuredStack(
  options: { workers?: readonly BackgroundWorker[] } = {},
): Promise<MeasuredStack> {
  // Handler logs would bury the tests' own report of what they injected and counted.
  // jest's setup sets `warn`, and fault tests provoke thousands of warnings on purpose.
  process.env.LOG_LEVEL = process.env.MEASURED_LOG_LEVEL ?? 'silent';
  const dataDir = mkdtempSync(join(tmpdir(), 'solpay-measured-'));
  const stack = await startLocalStack({ ports: 0, dataDir, workers: options.workers ?? [] });
  const ca = readFileSync(stack.stackFile.contents.certs.ca, 'utf8');
  const green = createHttpsCaller(stack.urls.green, {
    ca,
    cert: stack.certs.shopifyClient.cert,
    key: stack.certs.shopifyClient.key,
  });
  const purple = createHttpsCaller(stack.urls.purple, { ca });
  return {
    stack,
    green,
    purple,
    async close() {
      green.close();
      purple.close();
      await stack.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
