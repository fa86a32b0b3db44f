import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Prisma, type PrismaClient } from '../generated/prisma/client';
import {
  createTestDatabase,
  testDatabaseTargets,
  type TestDatabase,
} from '../testing/test-database';
import { createPrismaClient } from './create-prisma-client';
import { queryRawDirect } from './query-raw-direct';

jest.setTimeout(60_000);

describe.each(testDatabaseTargets())('queryRawDirect on %s', (target) => {
  let db: TestDatabase;
  let prisma: PrismaClient;

  beforeAll(async () => {
    db = await createTestDatabase(target);
    prisma = db.prisma;
  });

  afterAll(async () => {
    await db?.close();
  });

  it('writes Date and bigint values as Prisma does, and reads text and boolean alike', async () => {
    const installedAt = new Date('2026-12-02T10:11:12.345Z');
    const sql = (shop: string) => Prisma.sql`
      INSERT INTO merchants (id, shop_domain, installed_at, scopes, configured, updated_at)
      VALUES (gen_random_uuid(), ${shop}, ${installedAt}, ${12_345_678_901n}::text, ${true}, now())
      RETURNING shop_domain, scopes, configured`;
    const direct = await queryRawDirect<Record<string, unknown>>(prisma, sql('direct.example'));
    const viaPrisma = await prisma.$queryRaw<Array<Record<string, unknown>>>(sql('prisma.example'));
    expect(direct).toEqual([{ ...viaPrisma[0], shop_domain: 'direct.example' }]);
    expect(direct[0]).toMatchObject({ scopes: '12345678901', configured: true });
    const stored = await prisma.merchant.findMany({
      where: { shopDomain: { in: ['direct.example', 'prisma.example'] } },
      select: { installedAt: true },
    });
    expect(stored.map((row) => row.installedAt.toISOString())).toEqual([
      installedAt.toISOString(),
      installedAt.toISOString(),
    ]);
  });

  it('runs the statement guard first, and sends nothing once it refuses', async () => {
    let refuse = false;
    const guarded = createPrismaClient(db.url, {
      beforeStatement: () => {
        if (refuse) throw new Error('invocation abandoned');
      },
    });
    try {
      const insert = Prisma.sql`
        INSERT INTO merchants (id, shop_domain, updated_at)
        VALUES (gen_random_uuid(), 'guarded.example', now()) RETURNING shop_domain`;
      refuse = true;
      await expect(queryRawDirect(guarded, insert)).rejects.toThrow('invocation abandoned');
      expect(await prisma.merchant.count({ where: { shopDomain: 'guarded.example' } })).toBe(0);
      refuse = false;
      expect(await queryRawDirect(guarded, insert)).toEqual([{ shop_domain: 'guarded.example' }]);
    } finally {
      await guarded.$disconnect();
    }
  });

  it('stays inside a transaction: a transaction client goes through $queryRaw', async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        await queryRawDirect(
          tx,
          Prisma.sql`INSERT INTO merchants (id, shop_domain, updated_at)
            VALUES (gen_random_uuid(), 'rolled-back.example', now())`,
        );
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await prisma.merchant.count({ where: { shopDomain: 'rolled-back.example' } })).toBe(0);
  });
});
