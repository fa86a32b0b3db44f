import { describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { readMigrations } from '../migrations/read-migrations';
import { createTestDatabase, testDatabaseTargets } from './test-database';

jest.setTimeout(60_000);

async function rows<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

describe.each(testDatabaseTargets())('createTestDatabase(%s)', (target) => {
  it('gives separate, fully migrated, empty databases', async () => {
    const [a, b] = await Promise.all([createTestDatabase(target), createTestDatabase(target)]);
    try {
      expect(a.url).not.toBe(b.url);
      const names = (await readMigrations()).map((m) => m.name);
      const applied = await rows<{ migration_name: string }>(
        a.url,
        'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name',
      );
      expect(applied.map((r) => r.migration_name)).toEqual(names);
      await expect(a.prisma.merchant.count()).resolves.toBe(0);
      await a.prisma.merchant.create({ data: { shopDomain: 'only-in-a.myshopify.com' } });
      await expect(a.prisma.merchant.count()).resolves.toBe(1);
      await expect(b.prisma.merchant.count()).resolves.toBe(0);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('deletes the database on close', async () => {
    const db = await createTestDatabase(target);
    await db.close();
    await expect(rows(db.url, 'SELECT 1')).rejects.toThrow();
    await expect(db.close()).resolves.toBeUndefined();
  });
});
