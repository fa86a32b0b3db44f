/**
 * Runs `prisma generate` offline. The Prisma CLI otherwise tries to download native engines that
 * the `client` engine type never uses; pointing the engine variables at an existing file stops that.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const placeholder = process.execPath;
const env = {
  ...process.env,
  PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? placeholder,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? placeholder,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
};
if (!existsSync(placeholder)) throw new Error(`missing ${placeholder}`);
const result = spawnSync('prisma', ['generate'], { stdio: 'inherit', env, shell: false });
process.exit(result.status ?? 1);
