import { execFileSync } from 'node:child_process';
import { delimiter, sep } from 'node:path';

/**
 * A one-line notice when the `node` on the user's PATH (outside npm's `node_modules/.bin`) is
 * older than the Node this process runs on — the pinned one npm scripts use. Explains that
 * npm's `EBADENGINE` warnings come from that older system Node and are expected. Undefined when
 * the system Node is as new, or cannot be found.
 */
export function systemNodeNotice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const path = (env.PATH ?? '')
    .split(delimiter)
    .filter((entry) => !entry.includes(`node_modules${sep}.bin`))
    .join(delimiter);
  let version: string;
  try {
    version = execFileSync('node', ['--version'], {
      env: { ...env, PATH: path },
      encoding: 'utf8',
      timeout: 5000,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
  const major = (v: string) => Number(/^v?(\d+)/.exec(v)?.[1] ?? 0);
  if (major(version) === 0 || major(version) >= major(process.version)) return undefined;
  return `node: your system Node is ${version}, older than the pinned ${process.version}; npm scripts run on the pinned one (the "node" dev dependency), so npm's EBADENGINE warnings at install are expected and harmless.`;
}
