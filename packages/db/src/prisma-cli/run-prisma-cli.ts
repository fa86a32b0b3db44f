import { spawn } from 'node:child_process';
import path from 'node:path';

/** Repository root (where `prisma.config.ts` lives). */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');

/** Outcome of one Prisma CLI run. */
export interface PrismaCliResult {
  /** Exit code (`null` if killed by a signal). */
  status: number | null;
  /** Captured standard output (empty when `inherit` was used). */
  stdout: string;
  /** Captured standard error (empty when `inherit` was used). */
  stderr: string;
}

/** Options of {@link runPrismaCli}. */
export interface PrismaCliOptions {
  /** Environment for the child (the CLI reads `DATABASE_URL` through `prisma.config.ts`). */
  env: NodeJS.ProcessEnv;
  /** `capture` (default) collects the output; `inherit` streams it to this process. */
  output?: 'capture' | 'inherit';
}

/**
 * Runs the Prisma 6.19 CLI offline from the repository root with the current Node binary.
 * The engine variables point at an existing file because the CLI otherwise downloads native
 * engines that `engineType = "client"` and `engine: 'js'` never use.
 */
export function runPrismaCli(args: string[], options: PrismaCliOptions): Promise<PrismaCliResult> {
  const placeholder = process.execPath;
  const env: NodeJS.ProcessEnv = {
    ...options.env,
    PRISMA_QUERY_ENGINE_LIBRARY: options.env.PRISMA_QUERY_ENGINE_LIBRARY ?? placeholder,
    PRISMA_SCHEMA_ENGINE_BINARY: options.env.PRISMA_SCHEMA_ENGINE_BINARY ?? placeholder,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  };
  const cli = require.resolve('prisma/build/index.js', { paths: [REPO_ROOT] });
  const inherit = options.output === 'inherit';
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: REPO_ROOT,
      env,
      stdio: inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}
