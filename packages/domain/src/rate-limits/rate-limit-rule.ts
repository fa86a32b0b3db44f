/** A fixed-window limit: at most `limit` hits per `windowSeconds` for one key. */
export interface RateLimitRule {
  /** Counter namespace, e.g. `tx-ip`; the full key is `<name>:<subject>`. */
  name: string;
  limit: number;
  windowSeconds: number;
}

/** Outcome of one hit. */
export type RateLimitResult =
  { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

/**
 * The limits on the public purple routes (per Lambda-independent database counters):
 * - transaction requests per wallet-visible record (a wallet polls GET, then POSTs once;
 *   anything far above that burns gas-wallet rent and fees) and per client IP;
 * - Helius webhook deliveries (one key; Helius retries, so a 429 loses nothing).
 */
export const PURPLE_RATE_LIMITS = {
  transactionRequestPerRecord: { name: 'tx-record', limit: 30, windowSeconds: 60 },
  transactionRequestPerIp: { name: 'tx-ip', limit: 120, windowSeconds: 60 },
  heliusWebhook: { name: 'helius', limit: 600, windowSeconds: 60 },
} as const satisfies Record<string, RateLimitRule>;

/** One hit of `subject` against `rule`. */
export interface RateLimitHit {
  rule: RateLimitRule;
  subject: string;
}

/** Shared counters of hits (every instance sees the same budget). */
export interface RateLimitPort {
  /** Counts one hit of `subject` against `rule`. */
  hit(rule: RateLimitRule, subject: string): Promise<RateLimitResult>;
  /**
   * Counts `first`, then `second` only when `first` is within its limit (`null` when it is
   * not): the same as two {@link hit}s in a row, in one round trip.
   */
  hitChained(
    first: RateLimitHit,
    second: RateLimitHit,
  ): Promise<[RateLimitResult, RateLimitResult | null]>;
}
