import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Prisma, type PrismaClient } from '../generated/prisma/client';
import {
  createTestDatabase,
  testDatabaseTargets,
  type TestDatabase,
} from '../testing/test-database';
import { createPrismaClient } from './create-prisma-client';
import { directSql } from './direct-sql';

jest.setTimeout(60_000);

const insertMerchant = (shop: string) => Prisma.sql`
  INSERT INTO merchants (id, shop_domain, updated_at)
  VALUES (gen_random_uuid(), ${shop}, now()) RETURNING shop_domain`;

describe.each(testDatabaseTargets())('directSql on %s', (target) => {
  let db: TestDatabase;
  let prisma: PrismaClient;

  beforeAll(async () => {
    db = await createTestDatabase(target);
    prisma = db.prisma;
  });

  afterAll(async () => {
    await db?.close();
  });

  const merchantCount = (shop: string) => prisma.merchant.count({ where: { shopDomain: shop } });

  it('reads timestamp, numeric and bigint columns as Prisma does', async () => {
    const at = new Date('2026-12-02T23:59:58.123Z');
    const statement = Prisma.sql`
      SELECT ${at}::timestamp(3) AS at, ${new Prisma.Decimal('49.900001')}::numeric(24, 6)::text
        AS amount, ${12_345_678_901_234n}::bigint::text AS units`;
    const [direct] = await directSql(prisma).query(statement);
    const [viaPrisma] = await prisma.$queryRaw<unknown[]>(statement);
    expect(direct).toEqual({ at, amount: '49.900001', units: '12345678901234' });
    expect(direct).toEqual(viaPrisma);
  });

  it('commits a transaction as a whole, on one connection', async () => {
    const pids = await directSql(prisma).transaction(async (sql) => {
      await sql.query(insertMerchant('tx-a.example'));
      const [first] = await sql.query(Prisma.sql`SELECT pg_backend_pid() AS pid`);
      await sql.query(insertMerchant('tx-b.example'));
      const [second] = await sql.query(Prisma.sql`SELECT pg_backend_pid() AS pid`);
      // Joining: a nested transaction is the same one.
      await sql.transaction((inner) => inner.query(insertMerchant('tx-c.example')));
      return [first, second];
    });
    expect(pids[0]).toEqual(pids[1]);
    expect(await merchantCount('tx-a.example')).toBe(1);
    expect(await merchantCount('tx-b.example')).toBe(1);
    expect(await merchantCount('tx-c.example')).toBe(1);
  });

  it('rolls back when a statement fails, and the connection goes back clean', async () => {
    const pool = createPrismaClient(db.url, { poolSize: 1 });
    try {
      await expect(
        directSql(pool).transaction(async (sql) => {
          await sql.query(insertMerchant('failing.example'));
          await sql.query(insertMerchant('failing.example')); // unique shop_domain
        }),
      ).rejects.toThrow(/unique/i);
      expect(await merchantCount('failing.example')).toBe(0);
      // The pool's one connection is free and not mid-transaction: a new transaction runs.
      const [row] = await directSql(pool).transaction((sql) =>
        sql.query(Prisma.sql`SELECT current_setting('transaction_isolation') AS level`),
      );
      expect(row).toEqual({ level: 'read committed' });
      const [state] = await directSql(pool).query(
        Prisma.sql`SELECT now() = statement_timestamp() AS outside`,
      );
      expect(state).toEqual({ outside: true });
    } finally {
      await pool.$disconnect();
    }
  });

  it('rolls back when the work throws between statements', async () => {
    await expect(
      directSql(prisma).transaction(async (sql) => {
        await sql.query(insertMerchant('thrown.example'));
        throw new Error('changed its mind');
      }),
    ).rejects.toThrow('changed its mind');
    expect(await merchantCount('thrown.example')).toBe(0);
  });

  describe('the statement guard', () => {
    let refuseAfter = Number.POSITIVE_INFINITY;
    let calls = 0;
    let guarded: PrismaClient;

    beforeAll(() => {
      guarded = createPrismaClient(db.url, {
        poolSize: 1,
        beforeStatement: () => {
          calls += 1;
          if (calls > refuseAfter) throw new Error('invocation abandoned');
        },
      });
    });

    afterAll(async () => {
      await guarded?.$disconnect();
    });

    const attempt = (shop: string, refuseFrom: number) => {
      calls = 0;
      refuseAfter = refuseFrom;
      return directSql(guarded).transaction(async (sql) => {
        await sql.query(insertMerchant(`${shop}-1.example`));
        await sql.query(insertMerchant(`${shop}-2.example`));
      });
    };

    it('runs before the start, every statement and the commit', async () => {
      await attempt('allowed', Number.POSITIVE_INFINITY);
      expect(calls).toBe(4);
      expect(await merchantCount('allowed-2.example')).toBe(1);
    });

    it.each([
      ['the start', 0],
      ['a statement', 2],
      ['the commit', 3],
    ])('refusing %s writes nothing and frees the connection', async (_where, refuseFrom) => {
      const shop = `refused-${refuseFrom}`;
      await expect(attempt(shop, refuseFrom)).rejects.toThrow('invocation abandoned');
      expect(await merchantCount(`${shop}-1.example`)).toBe(0);
      refuseAfter = Number.POSITIVE_INFINITY;
      // With a pool of one, a leaked or mid-transaction connection would hang or leak rows.
      await attempt(`${shop}-after`, Number.POSITIVE_INFINITY);
      expect(await merchantCount(`${shop}-after-1.example`)).toBe(1);
    });

    it('refuses a single statement before sending it', async () => {
      calls = 0;
      refuseAfter = 0;
      await expect(directSql(guarded).query(insertMerchant('single.example'))).rejects.toThrow(
        'invocation abandoned',
      );
      expect(await merchantCount('single.example')).toBe(0);
    });
  });

  it('inside a Prisma transaction, joins it', async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        await directSql(tx).transaction((sql) => sql.query(insertMerchant('joined.example')));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await merchantCount('joined.example')).toBe(0);
  });
});
