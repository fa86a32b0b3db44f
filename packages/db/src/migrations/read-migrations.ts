import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** The repository's `prisma/migrations` folder. */
export const DEFAULT_MIGRATIONS_DIR = path.resolve(__dirname, '../../../../prisma/migrations');

/** One folder of `prisma/migrations`. */
export interface Migration {
  /** Folder name, e.g. `20261122061322_init`; migrations apply in name order. */
  name: string;
  /** Contents of its `migration.sql`. */
  script: string;
  /** SHA-256 (hex) of `migration.sql`, as Prisma records it. */
  checksum: string;
}

/**
 * Reads the migrations in Prisma's folder layout (`<name>/migration.sql` plus
 * `migration_lock.toml`), sorted by name as Prisma applies them.
 */
export async function readMigrations(dir: string = DEFAULT_MIGRATIONS_DIR): Promise<Migration[]> {
  const lock = await readFile(path.join(dir, 'migration_lock.toml'), 'utf8');
  if (!/^\s*provider\s*=\s*"postgresql"\s*$/m.test(lock)) {
    throw new Error(`${dir}/migration_lock.toml is not for provider "postgresql"`);
  }
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const bytes = await readFile(path.join(dir, name, 'migration.sql'));
      return {
        name,
        script: bytes.toString('utf8'),
        checksum: createHash('sha256').update(bytes).digest('hex'),
      };
    }),
  );
}
