import { RateLimitExceededError } from '../errors';
import { PURPLE_RATE_LIMITS, type RateLimitPort } from '../rate-limits/rate-limit-rule';

/**
 * Counts one delivery of signature hints (Helius webhooks) against their shared budget of
 * `perMinute` deliveries: over it → 429 with `Retry-After` (Helius retries, and the discovery
 * poll is the fallback).
 */
export async function admitSignatureHints(deps: {
  limiter: RateLimitPort;
  perMinute: number;
}): Promise<void> {
  const result = await deps.limiter.hit(
    { ...PURPLE_RATE_LIMITS.heliusWebhook, limit: deps.perMinute },
    'deliveries',
  );
  if (!result.ok) {
    throw new RateLimitExceededError('Too many requests; retry later', result.retryAfterSeconds);
  }
}
