import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { runPrismaCli } from '../prisma-cli/run-prisma-cli';
import {
  createTestDatabase,
  testDatabaseTargets,
  type TestDatabase,
} from '../testing/test-database';
import { migrateDatabase } from './migrate-database';
import { DEFAULT_MIGRATIONS_DIR, readMigrations, type Migration } from './read-migrations';

jest.setTimeout(120_000);

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe.each(testDatabaseTargets())('migrateDatabase on %s', (target) => {
  let migrations: Migration[];
  let db: TestDatabase | undefined;

  beforeAll(async () => {
    migrations = await readMigrations();
  });

  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  it('applies every migration to an empty database, then nothing', async () => {
    db = await createTestDatabase(target, { migrate: false });
    const names = migrations.map((m) => m.name);
    expect(names.length).toBeGreaterThan(0);

    await expect(migrateDatabase(db.url)).resolves.toEqual({ applied: names });
    await expect(migrateDatabase(db.url)).resolves.toEqual({ applied: [] });

    const tables = await query<{ table_name: string }>(
      db.url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining([
        'merchants',
        'payment_records',
        'shopify_mutations',
        '_prisma_migrations',
      ]),
    );
    const rows = await query(
      db.url,
      'SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at, logs, applied_steps_count FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows).toEqual(
      migrations.map((m) => ({
        migration_name: m.name,
        checksum: m.checksum,
        finished: true,
        rolled_back_at: null,
        logs: null,
        applied_steps_count: 1,
      })),
    );
  });

  it('records migrations so that the stock Prisma CLI agrees', async () => {
    db = await createTestDatabase(target, { migrate: false });
    await migrateDatabase(db.url);
    const status = await runPrismaCli(['migrate', 'status'], {
      env: { ...process.env, DATABASE_URL: db.url },
    });
    expect(status.stdout).toContain('Database schema is up to date!');
    expect(status.status).toBe(0);
  });

  it('lets concurrent runs apply each migration once', async () => {
    db = await createTestDatabase(target, { migrate: false });
    const url = db.url;
    const results = await Promise.all([
      migrateDatabase(url),
      migrateDatabase(url),
      migrateDatabase(url),
    ]);
    // Each migration exactly once across the runs; which run applied which one (and so the
    // order of this concatenation) depends on who took the lock first.
    expect(results.flatMap((r) => r.applied).sort()).toEqual(migrations.map((m) => m.name).sort());
  });

  describe('with a broken migration', () => {
    let dir: string;

    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'solpay-migrations-'));
      await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
      await mkdir(path.join(dir, '99990101000000_broken'));
      await writeFile(
        path.join(dir, '99990101000000_broken', 'migration.sql'),
        'CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;\n',
      );
    });

    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('fails atomically, records the failure and then refuses to continue', async () => {
      db = await createTestDatabase(target, { migrate: false });
      await expect(migrateDatabase(db.url, { migrationsDir: dir })).rejects.toThrow(
        /P3018: migration 99990101000000_broken failed: .*no_such_table/,
      );
      const halfDone = await query(db.url, "SELECT to_regclass('public.half_done') AS t");
      expect(halfDone).toEqual([{ t: null }]);
      const failed = await query<{ logs: string | null }>(
        db.url,
        "SELECT logs FROM _prisma_migrations WHERE migration_name = '99990101000000_broken' AND finished_at IS NULL",
      );
      expect(failed).toHaveLength(1);
      expect(failed[0]?.logs).toContain('no_such_table');

      await expect(migrateDatabase(db.url, { migrationsDir: dir })).rejects.toThrow(/P3009/);
    });
  });
});
