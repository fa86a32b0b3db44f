import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { queryPlanCacheStats } from '@solpay/db';
import { startLocalStack } from '../../apps/local/src/index';
import type { BenchStackMessage } from './bench-stack-message';

/**
 * Child-process entry of the bench: runs the local stack (OS-picked ports) in its own process so
 * the load generator does not share the server's event loop, then reports over IPC. Usage:
 * `node --import tsx bench/stack/serve-bench-stack.ts <dataDir>`. Stops on SIGTERM or when the
 * parent goes away.
 */
async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: serve-bench-stack <dataDir>');
  const logFile = join(dataDir, 'stack.log');
  const log = (line: string) => appendFileSync(logFile, `${line}\n`);
  const before = { ...process.env };
  const stack = await startLocalStack({ ports: 0, dataDir, log });
  const appEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && before[key] !== value) appEnv[key] = value;
  }
  send({ type: 'ready', stackFile: stack.stackFile.path, appEnv });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const plans = queryPlanCacheStats();
    log(`query plans: ${plans.hits} reads reused a plan, ${plans.misses} were compiled`);
    stack.close().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('disconnect', stop);
}

function send(message: BenchStackMessage): void {
  process.send?.(message);
}

main().catch((error: unknown) => {
  send({
    type: 'failed',
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
  process.exit(1);
});
