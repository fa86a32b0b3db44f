import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:net';
import {
  createTestDatabase,
  testDatabaseTargets,
  type TestDatabase,
} from '../testing/test-database';
import { createDatabasePing } from './create-database-ping';

jest.setTimeout(60_000);

/** A local port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe.each(testDatabaseTargets())('database ping on %s', (target) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(target, { migrate: false });
  });

  afterAll(async () => {
    await db?.close();
  });

  it('resolves while the database answers, again on its kept connection', async () => {
    const database = createDatabasePing(db.url);
    try {
      await expect(database.ping()).resolves.toBeUndefined();
      await expect(database.ping()).resolves.toBeUndefined();
    } finally {
      await database.end();
    }
  });
});

describe('database ping without a database', () => {
  it('rejects when nothing listens at the URL', async () => {
    const database = createDatabasePing(`postgres://app:app@127.0.0.1:${await closedPort()}/app`);
    try {
      await expect(database.ping()).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      await database.end();
    }
  });
});
