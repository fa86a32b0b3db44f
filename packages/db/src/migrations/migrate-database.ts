import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DEFAULT_MIGRATIONS_DIR, readMigrations, type Migration } from './read-migrations';

/** Options of {@link migrateDatabase}. */
export interface MigrateOptions {
  /** Folder in Prisma's migrations layout; the repository's `prisma/migrations` by default. */
  migrationsDir?: string;
}

/** What {@link migrateDatabase} did. */
export interface MigrateResult {
  /** Names of the migrations applied by this call, in order (empty when already up to date). */
  applied: string[];
}

/** The advisory lock key Prisma Migrate holds while it works on PostgreSQL. */
const PRISMA_MIGRATE_LOCK = 72707369;

/** Prisma's bookkeeping table, created exactly as `prisma migrate deploy` creates it. */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Applies the pending migrations to the database at `url`, like `prisma migrate deploy`: same
 * advisory lock, same `_prisma_migrations` rows (checksum = SHA-256 of `migration.sql`, a failed
 * migration stays recorded with its error in `logs`). Idempotent; refuses to continue past a
 * migration that failed earlier (resolve it with `prisma migrate resolve`).
 *
 * Each migration runs in its own transaction together with its bookkeeping, which is what
 * makes concurrent runs safe on the embedded database too: PGlite is a single session, so the
 * advisory lock cannot exclude anything there, but an open transaction owns the session. A
 * migration script must therefore not contain `BEGIN`/`COMMIT` or statements that cannot run
 * in a transaction (Prisma's own multi-statement execution has the latter limit as well).
 *
 * Implemented here rather than by spawning the CLI because it needs no Prisma engine at all
 * and takes milliseconds, which matters for every test database.
 */
export async function migrateDatabase(
  url: string,
  options: MigrateOptions = {},
): Promise<MigrateResult> {
  const migrations = await readMigrations(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK]);
    try {
      const applied: string[] = [];
      for (;;) {
        const next = await applyNextMigration(client, migrations);
        if (next === undefined) return { applied };
        applied.push(next);
      }
    } finally {
      await client
        .query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_LOCK])
        .catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}

/** Applies the first pending migration in one transaction; `undefined` when none is pending. */
async function applyNextMigration(
  client: pg.Client,
  migrations: Migration[],
): Promise<string | undefined> {
  await client.query('BEGIN');
  try {
    await client.query(CREATE_MIGRATIONS_TABLE);
    const { rows } = await client.query<AppliedRow>(
      'SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations"',
    );
    const failed = rows.filter((row) => row.finished_at === null && row.rolled_back_at === null);
    if (failed.length > 0) {
      const names = failed.map((row) => row.migration_name).join(', ');
      throw new Error(
        `P3009: failed migrations in the target database (${names}); fix and run \`prisma migrate resolve\``,
      );
    }
    const done = new Set(
      rows
        .filter((row) => row.finished_at !== null && row.rolled_back_at === null)
        .map((row) => row.migration_name),
    );
    const migration = migrations.find((m) => !done.has(m.name));
    if (migration === undefined) {
      await client.query('COMMIT');
      return undefined;
    }
    const id = randomUUID();
    await client.query(
      'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, clock_timestamp(), 0)',
      [id, migration.checksum, migration.name],
    );
    await client.query('SAVEPOINT migration_script');
    try {
      // No parameters: pg sends one simple-protocol message, so multi-statement scripts work.
      await client.query(migration.script);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await client.query('ROLLBACK TO SAVEPOINT migration_script');
      await client.query('UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1', [id, message]);
      await client.query('COMMIT');
      throw new Error(`P3018: migration ${migration.name} failed: ${message}`, { cause: error });
    }
    await client.query(
      'UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1',
      [id],
    );
    await client.query('COMMIT');
    return migration.name;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
