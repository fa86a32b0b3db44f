import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { readStackFile, type StackFile } from '../../apps/local/src/index';
import type { BenchStackMessage } from './bench-stack-message';

/** A local stack running in a child process. */
export interface BenchStack {
  /** The stack's `stack.json`. */
  stack: StackFile;
  /** The application environment of the stack (what its handlers read). */
  appEnv: Record<string, string>;
  /** Where the stack's log and its handlers' stdout go. */
  logFile: string;
  /** The child's process id. */
  pid: number;
  /** Stops the stack (SIGTERM, then SIGKILL after 15 s). */
  stop(): Promise<void>;
}

/**
 * Starts `serve-bench-stack.ts` under Node (this process's binary, so Node 24) with tsx, in
 * `dataDir`, and resolves once it reports ready. Its stdout/stderr (handler logs) go to
 * `<dataDir>/stack.log`. `nodeArgs` go to that Node before the script (e.g. `--cpu-prof`).
 */
export async function spawnBenchStack(
  rootDir: string,
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
  nodeArgs: readonly string[] = [],
): Promise<BenchStack> {
  mkdirSync(dataDir, { recursive: true });
  const logFile = join(dataDir, 'stack.log');
  const out = openSync(logFile, 'a');
  const child = spawn(
    process.execPath,
    [
      ...nodeArgs,
      '--import',
      'tsx',
      join(rootDir, 'bench', 'stack', 'serve-bench-stack.ts'),
      dataDir,
    ],
    { cwd: rootDir, env, stdio: ['ignore', out, out, 'ipc'] },
  );
  closeSync(out);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const message = await new Promise<BenchStackMessage>((resolve, reject) => {
    child.once('message', (m) => resolve(m as BenchStackMessage));
    child.once('exit', (code) =>
      reject(new Error(`stack process exited (${code}); see ${logFile}`)),
    );
  });
  if (message.type === 'failed')
    throw new Error(`The local stack failed to start: ${message.error}`);
  return {
    stack: readStackFile(message.stackFile),
    appEnv: message.appEnv,
    logFile,
    pid: child.pid ?? 0,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
