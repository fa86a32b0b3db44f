import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, testDatabaseTargets, type TestDatabase } from '@solpay/db';
import { toHttpResponse } from '@solpay/lambda';
import { createPostgresRateLimiter } from './create-postgres-rate-limiter';
import { RateLimitExceededError } from '@solpay/domain';

describe.each(testDatabaseTargets())('PostgreSQL rate limiter (%s)', (target) => {
  let db: TestDatabase;
  let clock = new Date('2026-01-01T00:00:10Z');

  beforeAll(async () => {
    db = await createTestDatabase(target);
  }, 60_000);
  afterAll(async () => {
    await db?.close();
  });

  const limiter = () => createPostgresRateLimiter(db.prisma, { now: () => clock });
  const rule = { name: 'test', limit: 5, windowSeconds: 60 };

  it('allows `limit` hits per window under concurrency, then 429 with Retry-After until the window ends', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, () => limiter().hit(rule, 'ip-1')),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(5);
    expect(results.filter((result) => !result.ok)).toEqual(
      Array.from({ length: 7 }, () => ({ ok: false, retryAfterSeconds: 50 })),
    );
    const error = await limiter()
      .enforce(rule, 'ip-1')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitExceededError);
    const response = toHttpResponse(error, { requestId: 'r' });
    expect(response.statusCode).toBe(429);
    expect(response.headers?.['Retry-After'] ?? response.headers?.['retry-after']).toBe('50');

    // Other subjects have their own budget; the next window starts afresh.
    expect(await limiter().hit(rule, 'ip-2')).toEqual({ ok: true, remaining: 4 });
    clock = new Date('2026-01-01T00:01:00Z');
    expect(await limiter().hit(rule, 'ip-1')).toEqual({ ok: true, remaining: 4 });
  });

  it('counts a chained second hit only while the first is within its limit', async () => {
    clock = new Date('2026-01-01T00:01:10Z');
    const ip = { rule: { name: 'chain-ip', limit: 2, windowSeconds: 60 }, subject: 'ip-9' };
    const record = { rule: { name: 'chain-record', limit: 1, windowSeconds: 60 }, subject: 'r-1' };
    expect(await limiter().hitChained(ip, record)).toEqual([
      { ok: true, remaining: 1 },
      { ok: true, remaining: 0 },
    ]);
    expect(await limiter().hitChained(ip, record)).toEqual([
      { ok: true, remaining: 0 },
      { ok: false, retryAfterSeconds: 50 },
    ]);
    // Over the first limit: the second counter is left alone.
    expect(await limiter().hitChained(ip, record)).toEqual([
      { ok: false, retryAfterSeconds: 50 },
      null,
    ]);
    const counts = await db.prisma.rateLimitCounter.findMany({
      where: { key: { in: ['chain-ip:ip-9', 'chain-record:r-1'] } },
      orderBy: { key: 'asc' },
      select: { key: true, count: true },
    });
    expect(counts).toEqual([
      { key: 'chain-ip:ip-9', count: 3 },
      { key: 'chain-record:r-1', count: 2 },
    ]);
  });

  it('prunes counters of finished windows', async () => {
    clock = new Date('2026-01-01T00:01:30Z');
    expect(await limiter().pruneExpired()).toBe(2);
    expect(await db.prisma.rateLimitCounter.count()).toBe(3);
  });
});
