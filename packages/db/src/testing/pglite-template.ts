import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { servePglite } from '../embedded/serve-pglite';
import { migrateDatabase } from '../migrations/migrate-database';
import { DEFAULT_MIGRATIONS_DIR, readMigrations } from '../migrations/read-migrations';

const TEMPLATE_DIR = path.join(tmpdir(), 'solpay-pglite-templates');
const memo = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();

async function pgliteVersion(): Promise<string> {
  // Read from disk rather than require.resolve, which bundlers would try to follow.
  const manifest = path.resolve(
    __dirname,
    '../../../../node_modules/@electric-sql/pglite/package.json',
  );
  try {
    return (
      (JSON.parse(await readFile(manifest, 'utf8')) as { version?: string }).version ?? 'unknown'
    );
  } catch {
    return 'unknown';
  }
}

async function buildTemplate(migrationsDir: string): Promise<Uint8Array<ArrayBuffer>> {
  const db = await PGlite.create();
  try {
    const listener = await servePglite(db);
    try {
      await migrateDatabase(listener.url, { migrationsDir });
    } finally {
      await listener.close();
    }
    const dump = await db.dumpDataDir('gzip');
    return new Uint8Array(await dump.arrayBuffer());
  } finally {
    await db.close();
  }
}

async function loadOrBuild(migrationsDir: string): Promise<Uint8Array<ArrayBuffer>> {
  const migrations = await readMigrations(migrationsDir);
  const key = createHash('sha256')
    .update(await pgliteVersion())
    .update(migrations.map((m) => `${m.name}:${m.checksum}`).join('\n'))
    .digest('hex')
    .slice(0, 32);
  const file = path.join(TEMPLATE_DIR, `${key}.tar.gz`);
  try {
    return new Uint8Array(await readFile(file));
  } catch {
    // Not cached yet (or unreadable): build it below.
  }
  const bytes = await buildTemplate(migrationsDir);
  await mkdir(TEMPLATE_DIR, { recursive: true });
  // Write-then-rename so parallel jest workers never read a half-written template.
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(partial, bytes);
  await rename(partial, file);
  return bytes;
}

/**
 * A PGlite data directory (gzip tarball, for `PGlite.create({ loadDataDir })`) with all
 * migrations applied. Starting from it skips `initdb` and the migrations, which makes a fresh
 * test database several times faster. Cached in the OS temp dir, keyed by the PGlite version and
 * the migrations' names and checksums, so it is rebuilt whenever either changes.
 */
export function pgliteTemplate(
  migrationsDir: string = DEFAULT_MIGRATIONS_DIR,
): Promise<Uint8Array<ArrayBuffer>> {
  let template = memo.get(migrationsDir);
  if (template === undefined) {
    template = loadOrBuild(migrationsDir);
    memo.set(migrationsDir, template);
    template.catch(() => memo.delete(migrationsDir));
  }
  return template;
}
