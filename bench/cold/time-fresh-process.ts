import { spawn } from 'node:child_process';

/** What one fresh process reported, and how long the parent waited for it. */
export interface FreshProcessTiming {
  /** From `spawn` to the `COLD` line arriving, milliseconds (what a caller waits for). */
  totalMs: number;
  /** The parsed `COLD` line (the child's own breakdown), or null when none came. */
  report: Record<string, unknown> | null;
}

/**
 * Spawns `node <args>` with `env` and measures the time until its first line starting with
 * `COLD ` (or its exit). Killed after `timeoutMs`.
 */
export function timeFreshProcess(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 60_000,
): Promise<FreshProcessTiming> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'ignore'] });
    let buffer = '';
    let done = false;
    const finish = (report: Record<string, unknown> | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({ totalMs: performance.now() - started, report });
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => finish({ error: 'timed out' }), timeoutMs);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('COLD ')) {
          try {
            finish(JSON.parse(line.slice(5)) as Record<string, unknown>);
          } catch {
            finish({ error: 'unreadable report' });
          }
          return;
        }
      }
    });
    child.on('exit', () => finish(null));
  });
}
