import { directSql, type PrismaClient, sql } from '@solpay/db';
import * as z from 'zod';
import {
  RateLimitExceededError,
  type RateLimitPort,
  type RateLimitResult,
  type RateLimitRule,
} from '@solpay/domain';

const hitCount = z.object({ count: z.number().int() });
const chainedCounts = z.object({
  first: z.coerce.number().int(),
  second: z.coerce.number().int().nullable(),
});

/** Counts hits per key in PostgreSQL, so every Lambda instance shares one budget. */
export interface RateLimiter extends RateLimitPort {
  /** Counts one hit of `subject` against `rule`. */
  hit(rule: RateLimitRule, subject: string): Promise<RateLimitResult>;
  /** Like {@link hit}, but throws `RateLimitExceededError` (429 + `Retry-After`) when over the limit. */
  enforce(rule: RateLimitRule, subject: string): Promise<void>;
  /** Deletes counters whose window ended; returns how many. */
  pruneExpired(): Promise<number>;
}

const prunedCount = z.object({ pruned: z.number().int() });

/** Options of {@link createPostgresRateLimiter}. */
export interface PostgresRateLimiterOptions {
  /** Defaults to the system clock. */
  now?: () => Date;
}

/**
 * A fixed-window rate limiter on the `rate_limit_counters` table: each hit is one
 * `INSERT … ON CONFLICT (key, window_start) DO UPDATE SET count = count + 1 RETURNING count`,
 * atomic under concurrency (`hitChained`: two of them in one statement), sent over `pg` through
 * `directSql` (ADR 0014). Windows are aligned to multiples of `windowSeconds`.
 */
export function createPostgresRateLimiter(
  prisma: PrismaClient,
  options: PostgresRateLimiterOptions = {},
): RateLimiter {
  const now = options.now ?? (() => new Date());
  const direct = directSql(prisma);

  const windowOf = (rule: RateLimitRule, subject: string) => {
    const windowMs = rule.windowSeconds * 1000;
    const at = now().getTime();
    const windowStart = new Date(Math.floor(at / windowMs) * windowMs);
    const expiresAt = new Date(windowStart.getTime() + windowMs);
    return { at, windowStart, expiresAt, key: `${rule.name}:${subject}`.slice(0, 512) };
  };
  const resultOf = (
    rule: RateLimitRule,
    window: { at: number; expiresAt: Date },
    count: number,
  ): RateLimitResult =>
    count <= rule.limit
      ? { ok: true, remaining: rule.limit - count }
      : {
          ok: false,
          retryAfterSeconds: Math.max(
            1,
            Math.ceil((window.expiresAt.getTime() - window.at) / 1000),
          ),
        };

  const hit = async (rule: RateLimitRule, subject: string): Promise<RateLimitResult> => {
    const { key, windowStart, expiresAt, at } = windowOf(rule, subject);
    const rows = await direct.query(sql`
      INSERT INTO rate_limit_counters (key, window_start, count, expires_at)
      VALUES (${key}, ${windowStart}, 1, ${expiresAt})
      ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_counters.count + 1
      RETURNING count`);
    return resultOf(rule, { at, expiresAt }, hitCount.parse(rows[0]).count);
  };

  const hitChained: RateLimitPort['hitChained'] = async (first, second) => {
    const a = windowOf(first.rule, first.subject);
    const b = windowOf(second.rule, second.subject);
    // The second upsert reads the first's RETURNING, so it only runs (and counts) when the
    // first hit is within its limit, as two hits in a row would.
    const rows = await direct.query(sql`
      WITH first_hit AS (
        INSERT INTO rate_limit_counters (key, window_start, count, expires_at)
        VALUES (${a.key}, ${a.windowStart}, 1, ${a.expiresAt})
        ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_counters.count + 1
        RETURNING count
      ), second_hit AS (
        INSERT INTO rate_limit_counters (key, window_start, count, expires_at)
        SELECT ${b.key}, ${b.windowStart}, 1, ${b.expiresAt}
        FROM first_hit WHERE first_hit.count <= ${first.rule.limit}
        ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_counters.count + 1
        RETURNING count
      )
      SELECT (SELECT count FROM first_hit) AS first, (SELECT count FROM second_hit) AS second`);
    const counts = chainedCounts.parse(rows[0]);
    return [
      resultOf(first.rule, a, counts.first),
      counts.second === null ? null : resultOf(second.rule, b, counts.second),
    ];
  };

  return {
    hit,
    hitChained,
    async enforce(rule, subject) {
      const result = await hit(rule, subject);
      if (!result.ok) {
        throw new RateLimitExceededError(
          'Too many requests; retry later',
          result.retryAfterSeconds,
        );
      }
    },
    async pruneExpired() {
      const rows = await direct.query(sql`
        WITH pruned AS (DELETE FROM rate_limit_counters WHERE expires_at < ${now()} RETURNING 1)
        SELECT count(*)::int AS pruned FROM pruned`);
      return prunedCount.parse(rows[0]).pruned;
    },
  };
}
