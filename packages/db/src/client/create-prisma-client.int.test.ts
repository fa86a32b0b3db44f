import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { Prisma, type PrismaClient } from '../generated/prisma/client';
import {
  createTestDatabase,
  testDatabaseTargets,
  type TestDatabase,
} from '../testing/test-database';
import { createPrismaClient } from './create-prisma-client';

jest.setTimeout(60_000);

function paymentData(
  merchantId: string,
  shopifyId: string,
  overrides: Partial<Prisma.PaymentRecordUncheckedCreateInput> = {},
) {
  return {
    merchantId,
    shopifyId,
    gid: `gid://shopify/PaymentSession/${shopifyId}`,
    group: `group-${shopifyId}`,
    amount: new Prisma.Decimal('19.99'),
    currency: 'USD',
    tokenAmount: 19_990_000n,
    tokenMint: 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v',
    tokenDecimals: 6,
    recipientWallet: 'Merchant1111111111111111111111111111111111',
    referenceKey: `ref-${randomUUID()}`,
    test: true,
    cancelUrl: 'https://shop.example/cancel',
    apiVersion: '2025-07',
    expiresAt: new Date(Date.now() + 3_600_000),
    ...overrides,
  } satisfies Prisma.PaymentRecordUncheckedCreateInput;
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Prisma.PrismaClientKnownRequestError ? error.code : undefined;
}

describe.each(testDatabaseTargets())('Prisma client on %s', (target) => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let merchantId: string;

  beforeAll(async () => {
    db = await createTestDatabase(target);
    prisma = db.prisma;
    merchantId = (await prisma.merchant.create({ data: { shopDomain: 'shop-a.myshopify.com' } }))
      .id;
  });

  afterAll(async () => {
    await db?.close();
  });

  it('rejects a second payment with the same (merchantId, shopifyId) with P2002', async () => {
    await prisma.paymentRecord.create({ data: paymentData(merchantId, 'dup-1') });
    const second = prisma.paymentRecord.create({ data: paymentData(merchantId, 'dup-1') });
    await expect(second.catch(errorCode)).resolves.toBe('P2002');
    const other = await prisma.merchant.create({ data: { shopDomain: 'shop-b.myshopify.com' } });
    // The key is per shop: another merchant may reuse the Shopify id.
    await expect(
      prisma.paymentRecord.create({ data: paymentData(other.id, 'dup-1') }),
    ).resolves.toBeDefined();
  });

  it('enforces a unique outbox dedupeKey', async () => {
    const row = {
      kind: 'PAYMENT_SESSION_RESOLVE' as const,
      dedupeKey: `PAYMENT_SESSION_RESOLVE:${randomUUID()}`,
      merchantId,
      payload: { id: 'gid://shopify/PaymentSession/1' },
    };
    await prisma.shopifyMutation.create({ data: row });
    await expect(prisma.shopifyMutation.create({ data: row }).catch(errorCode)).resolves.toBe(
      'P2002',
    );
  });

  it('enforces a unique InboundEvent (source, externalId)', async () => {
    await prisma.inboundEvent.create({ data: { source: 'SHOPIFY_WEBHOOK', externalId: 'evt-1' } });
    await expect(
      prisma.inboundEvent
        .create({ data: { source: 'SHOPIFY_WEBHOOK', externalId: 'evt-1' } })
        .catch(errorCode),
    ).resolves.toBe('P2002');
    await expect(
      prisma.inboundEvent.create({ data: { source: 'HELIUS_WEBHOOK', externalId: 'evt-1' } }),
    ).resolves.toBeDefined();
  });

  it('rejects unknown enum values in the client and in the database', async () => {
    await expect(
      prisma.inboundEvent.create({
        data: { source: 'CARRIER_PIGEON' as unknown as 'SHOPIFY_WEBHOOK', externalId: 'evt-2' },
      }),
    ).rejects.toBeInstanceOf(Prisma.PrismaClientValidationError);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await expect(
        client.query(
          `INSERT INTO inbound_events (id, source, external_id) VALUES ($1, 'CARRIER_PIGEON', 'evt-3')`,
          [randomUUID()],
        ),
      ).rejects.toMatchObject({ code: '22P02' });
    } finally {
      await client.end();
    }
  });

  it('round-trips Decimal amounts and BigInt token amounts exactly', async () => {
    const cases = [
      { amount: '19.99', tokenAmount: 19_990_000n },
      { amount: '0.10', tokenAmount: 100_000n },
      { amount: '123456789012345678.123456', tokenAmount: 2n ** 63n - 1n },
    ];
    for (const [i, { amount, tokenAmount }] of cases.entries()) {
      const created = await prisma.paymentRecord.create({
        data: paymentData(merchantId, `money-${i}`, {
          amount: new Prisma.Decimal(amount),
          tokenAmount,
        }),
      });
      const read = await prisma.paymentRecord.findUniqueOrThrow({ where: { id: created.id } });
      expect(read.amount.equals(new Prisma.Decimal(amount))).toBe(true);
      expect(read.amount.toFixed(amount.split('.')[1]?.length ?? 0)).toBe(amount);
      expect(read.tokenAmount).toBe(tokenAmount);
    }
  });

  it('rolls back an interactive transaction while other queries run', async () => {
    const failing = prisma.$transaction(async (tx) => {
      await tx.inboundEvent.create({
        data: { source: 'HELIUS_WEBHOOK', externalId: 'rolled-back' },
      });
      throw new Error('abort');
    });
    const [outcome, count] = await Promise.all([
      failing.then(
        () => 'committed',
        (error: Error) => error.message,
      ),
      prisma.merchant.count(),
    ]);
    expect(outcome).toBe('abort');
    expect(count).toBeGreaterThan(0);
    await expect(prisma.inboundEvent.count({ where: { externalId: 'rolled-back' } })).resolves.toBe(
      0,
    );
  });

  describe('under 20 concurrent writers of the same payment key', () => {
    let pool: PrismaClient;

    beforeAll(() => {
      pool = createPrismaClient(db.url, { poolSize: 10 });
    });

    afterAll(async () => {
      await pool.$disconnect();
    });

    // `update` must not be empty: with `update: {}` Prisma 6.19 falls back to SELECT-then-INSERT,
    // which races on real PostgreSQL (P2002); otherwise it emits INSERT … ON CONFLICT DO UPDATE.
    it('upsert (with a non-empty update) leaves exactly one row', async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, () => {
          const data = paymentData(merchantId, 'race-upsert');
          return pool.paymentRecord.upsert({
            where: { merchantId_shopifyId: { merchantId, shopifyId: 'race-upsert' } },
            create: data,
            update: { apiVersion: data.apiVersion },
          });
        }),
      );
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      const ids = new Set(results.map((r) => (r.status === 'fulfilled' ? r.value.id : undefined)));
      expect(ids.size).toBe(1);
      await expect(pool.paymentRecord.count({ where: { shopifyId: 'race-upsert' } })).resolves.toBe(
        1,
      );
    });

    it('createMany with skipDuplicates leaves exactly one row', async () => {
      const counts = await Promise.all(
        Array.from({ length: 20 }, () =>
          pool.paymentRecord.createMany({
            data: [paymentData(merchantId, 'race-create-many')],
            skipDuplicates: true,
          }),
        ),
      );
      expect(counts.reduce((sum, c) => sum + c.count, 0)).toBe(1);
      await expect(
        pool.paymentRecord.count({ where: { shopifyId: 'race-create-many' } }),
      ).resolves.toBe(1);
    });
  });
});

describe.each(testDatabaseTargets())('connectEarly on %s', (target) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(target);
  });

  afterAll(async () => {
    await db?.close();
  });

  it('answers its first query (with one connection: the one opened early)', async () => {
    const early = createPrismaClient(db.url, { poolSize: 1, connectEarly: true });
    try {
      await expect(early.$queryRaw`SELECT 1 AS one`).resolves.toEqual([{ one: 1 }]);
    } finally {
      await early.$disconnect();
    }
  });
});

describe('connectEarly without a database', () => {
  it('leaves the failure to the first query', async () => {
    // Port 1 on loopback: nothing listens, the connection is refused at once.
    const early = createPrismaClient('postgresql://user:pass@127.0.0.1:1/none', {
      connectEarly: true,
    });
    try {
      await expect(early.$queryRaw`SELECT 1`).rejects.toThrow();
    } finally {
      await early.$disconnect();
    }
  });
});

describe('Prisma loaded on first use', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('pglite');
  });

  afterAll(async () => {
    await db?.close();
  });

  it('is not loaded by directSql statements, and is by the first model query, which works', async () => {
    // A fresh process: this one loaded Prisma long ago (the tests above).
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'fixtures', 'prisma-loaded-probe.ts'), db.url],
      { timeout: 30_000 },
    );
    expect(JSON.parse(stdout)).toEqual({
      afterDirectSql: false,
      afterModelQuery: true,
      merchants: 0,
    });
  });

  it('ends its pool on $disconnect when Prisma was never built', async () => {
    const client = createPrismaClient(db.url, { poolSize: 1, connectEarly: true });
    await client.$disconnect();
    await expect(client.$disconnect()).resolves.toBeUndefined();
  });
});
