import type { PrismaClient } from '@solpay/db';
import type { RateLimitResult, RateLimitRule } from './rate-limit-rule';
import { RateLimitExceededError } from '@solpay/domain';

/** Counts hits per key in PostgreSQL, so every Lambda instance shares one budget. */
export interface RateLimiter {
  /** Counts one hit of `subject` against `rule`. */
  hit(rule: RateLimitRule, subject: string): Promise<RateLimitResult>;
  /** Like {@link hit}, but throws `RateLimitExceededError` (429 + `Retry-After`) when over the limit. */
  enforce(rule: RateLimitRule, subject: string): Promise<void>;
  /** Deletes counters whose window ended; returns how many. */
  pruneExpired(): Promise<number>;
}

/** Options of {@link createPostgresRateLimiter}. */
export interface PostgresRateLimiterOptions {
  /** Defaults to the system clock. */
  now?: () => Date;
}

/**
 * A fixed-window rate limiter on the `rate_limit_counters` table: each hit is one
 * `INSERT … ON CONFLICT (key, window_start) DO UPDATE SET count = count + 1 RETURNING count`,
 * atomic under concurrency. Windows are aligned to multiples of `windowSeconds`.
 */
export function createPostgresRateLimiter(
  prisma: PrismaClient,
  options: PostgresRateLimiterOptions = {},
): RateLimiter {
  const now = options.now ?? (() => new Date());

  const hit = async (rule: RateLimitRule, subject: string): Promise<RateLimitResult> => {
    const windowMs = rule.windowSeconds * 1000;
    const at = now().getTime();
    const windowStart = new Date(Math.floor(at / windowMs) * windowMs);
    const expiresAt = new Date(windowStart.getTime() + windowMs);
    const key = `${rule.name}:${subject}`.slice(0, 512);
    const rows = await prisma.$queryRaw<Array<{ count: number }>>`
      INSERT INTO rate_limit_counters (key, window_start, count, expires_at)
      VALUES (${key}, ${windowStart}, 1, ${expiresAt})
      ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_counters.count + 1
      RETURNING count`;
    const count = Number(rows[0]?.count ?? 1);
    if (count <= rule.limit) return { ok: true, remaining: rule.limit - count };
    return {
      ok: false,
      retryAfterSeconds: Math.max(1, Math.ceil((expiresAt.getTime() - at) / 1000)),
    };
  };

  return {
    hit,
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
      return prisma.$executeRaw`DELETE FROM rate_limit_counters WHERE expires_at < ${now()}`;
    },
  };
}
