import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root: the nearest folder above `from` holding `serverless.yml`. Throws if none. */
export function findRepositoryRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'serverless.yml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No serverless.yml above ${from}`);
    dir = parent;
  }
}
