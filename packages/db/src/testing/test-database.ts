import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createPrismaClient } from '../client/create-prisma-client';
import { servePglite } from '../embedded/serve-pglite';
import type { PrismaClient } from '../generated/prisma/client';
import { migrateDatabase } from '../migrations/migrate-database';
import { pgliteTemplate } from './pglite-template';

/** Where a test database lives: embedded PGlite, or the real PostgreSQL server of `TEST_POSTGRES_URL`. */
export type TestDatabaseTarget = 'pglite' | 'postgres';

/** Options of {@link createTestDatabase}. */
export interface TestDatabaseOptions {
  /** Apply the migrations (default `true`); `false` gives a completely empty database. */
  migrate?: boolean;
}

/** A fresh, fully migrated, empty database for one test suite. */
export interface TestDatabase {
  /** Connection string (for `pg` or a second Prisma client). */
  url: string;
  /** A client on it; `close()` disconnects it. */
  prisma: PrismaClient;
  /** Disconnects and deletes the database. */
  close(): Promise<void>;
}

function postgresServerUrl(): string | undefined {
  // Test infrastructure, not application configuration: CI sets this when it runs a server.
  // eslint-disable-next-line no-restricted-syntax
  const url = process.env.TEST_POSTGRES_URL;
  return url === undefined || url === '' ? undefined : url;
}

/**
 * The databases integration tests should run against: always `'pglite'`, plus `'postgres'` when
 * `TEST_POSTGRES_URL` points at a real server. Use with `describe.each(testDatabaseTargets())`.
 */
export function testDatabaseTargets(): TestDatabaseTarget[] {
  return postgresServerUrl() === undefined ? ['pglite'] : ['pglite', 'postgres'];
}

/**
 * Creates a fresh, migrated, empty database: for `'pglite'` a new in-memory embedded server
 * (started from a cached, already migrated template; see {@link pgliteTemplate}), for `'postgres'` a `test_<random>` database on the `TEST_POSTGRES_URL` server
 * (dropped again by `close()`).
 */
export async function createTestDatabase(
  target: TestDatabaseTarget,
  options: TestDatabaseOptions = {},
): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  return target === 'pglite' ? createPgliteDatabase(migrate) : createPostgresDatabase(migrate);
}

async function createPgliteDatabase(migrate: boolean): Promise<TestDatabase> {
  const db = migrate
    ? await PGlite.create({ loadDataDir: new Blob([await pgliteTemplate()]) })
    : await PGlite.create();
  const listener = await servePglite(db).catch(async (error: unknown) => {
    await db.close();
    throw error;
  });
  const cleanup = async () => {
    try {
      await listener.close();
    } finally {
      await db.close();
    }
  };
  // The template already holds the migrations; running them again is a cheap no-op check.
  return withClient(listener.url, migrate, cleanup);
}

async function createPostgresDatabase(migrate: boolean): Promise<TestDatabase> {
  const serverUrl = postgresServerUrl();
  if (serverUrl === undefined) throw new Error('TEST_POSTGRES_URL is not set');
  const name = `test_${randomBytes(8).toString('hex')}`;
  await withAdminClient(serverUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const cleanup = () =>
    withAdminClient(serverUrl, (admin) =>
      admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    );
  return withClient(url.toString(), migrate, cleanup);
}

async function withClient(
  url: string,
  migrate: boolean,
  cleanup: () => Promise<unknown>,
): Promise<TestDatabase> {
  if (migrate) {
    try {
      await migrateDatabase(url);
    } catch (error) {
      await cleanup();
      throw error;
    }
  }
  const prisma = createPrismaClient(url);
  let closing: Promise<void> | undefined;
  return {
    url,
    prisma,
    close() {
      closing ??= (async () => {
        try {
          await prisma.$disconnect();
        } finally {
          await cleanup();
        }
      })();
      return closing;
    },
  };
}

async function withAdminClient<T>(
  url: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
