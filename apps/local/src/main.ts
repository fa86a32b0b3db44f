import { formatStackSummary } from './stack/format-stack-summary';
import { startLocalStack } from './stack/start-local-stack';
import { systemNodeNotice } from './stack/system-node-notice';

/**
 * `npm start`: runs the local stack until SIGINT/SIGTERM, then stops it and exits 0. The state
 * folder is `<repo>/.local` unless `LOCAL_DATA_DIR` names another (tests run several stacks).
 */
async function main(): Promise<void> {
  const log = (line: string) =>
    console.log(`[local ${new Date().toISOString().slice(11, 19)}] ${line}`);
  // One short access line per request; the handlers' JSON logs only for errors, unless
  // LOG_LEVEL asks for more (LOG_LEVEL=debug or info brings them all back).
  process.env.LOG_LEVEL ??= 'error';
  const notice = systemNodeNotice();
  if (notice) log(notice);
  const dataDir = process.env.LOCAL_DATA_DIR?.trim();
  const stack = await startLocalStack({
    log,
    ...(dataDir ? { dataDir } : {}),
    accessLog: process.env.LOCAL_ACCESS_LOG !== '0',
  });
  console.log(formatStackSummary(stack));

  let stopping = false;
  const stop = (signal: string) => {
    // tsx and npm relay the terminal's Ctrl-C, so the same signal can arrive more than once.
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping…`);
    stack.close().then(
      () => {
        log('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('The local stack failed to start:', error);
  process.exit(1);
});
