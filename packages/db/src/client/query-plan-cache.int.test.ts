import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { PrismaClient } from '../generated/prisma/client';
import {
  createTestDatabase,
  testDatabaseTargets,
  type TestDatabase,
} from '../testing/test-database';
import { queryPlanCacheStats } from './query-plan-cache';

jest.setTimeout(60_000);

describe.each(testDatabaseTargets())('query plan cache on %s', (target) => {
  let db: TestDatabase;
  let prisma: PrismaClient;

  beforeAll(async () => {
    db = await createTestDatabase(target);
    prisma = db.prisma;
  });

  afterAll(async () => {
    await db?.close();
  });

  it('reuses the plan of an identical read and still reads the current rows', async () => {
    const merchant = await prisma.merchant.create({ data: { shopDomain: 'plan-a.myshopify.com' } });
    const read = () =>
      prisma.merchant.findUnique({
        where: { id: merchant.id },
        select: { displayName: true, _count: { select: { payments: true } } },
      });
    expect(await read()).toEqual({ displayName: null, _count: { payments: 0 } });
    const before = queryPlanCacheStats();
    await prisma.merchant.update({ where: { id: merchant.id }, data: { displayName: 'Plan A' } });
    expect(await read()).toEqual({ displayName: 'Plan A', _count: { payments: 0 } });
    expect(queryPlanCacheStats().hits).toBe(before.hits + 1);
  });

  it('compiles writes afresh, so generated defaults differ between identical creates', async () => {
    const create = () =>
      prisma.merchant.create({ data: { shopDomain: `plan-${Math.random()}.myshopify.com` } });
    const before = queryPlanCacheStats();
    const [first, second] = [await create(), await create()];
    expect(first.id).not.toBe(second.id);
    expect(queryPlanCacheStats()).toEqual(before);
  });

  it('keeps a plan per request: a read of another row is compiled for that row', async () => {
    const [a, b] = [
      await prisma.merchant.create({ data: { shopDomain: 'plan-x.myshopify.com' } }),
      await prisma.merchant.create({ data: { shopDomain: 'plan-y.myshopify.com' } }),
    ];
    const shopOf = async (id: string) =>
      (await prisma.merchant.findUniqueOrThrow({ where: { id } })).shopDomain;
    expect(await shopOf(a.id)).toBe('plan-x.myshopify.com');
    expect(await shopOf(b.id)).toBe('plan-y.myshopify.com');
    expect(await shopOf(a.id)).toBe('plan-x.myshopify.com');
  });
});
