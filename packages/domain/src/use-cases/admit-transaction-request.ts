import { RateLimitExceededError, UnknownRecordError } from '../errors';
import { isRecordId } from '../records/is-record-id';
import type { RecordKind } from '../records/payable-record';
import { PURPLE_RATE_LIMITS, type RateLimitPort } from '../rate-limits/rate-limit-rule';

/** Per-minute limits of the transaction-request route (`TX_RATE_LIMIT_PER_*`). */
export interface TransactionRequestLimits {
  perIpPerMinute: number;
  perRecordPerMinute: number;
}

/** What {@link admitTransactionRequest} needs. */
export interface AdmitTransactionRequestDeps {
  limiter: RateLimitPort;
  limits: TransactionRequestLimits;
}

/** A transaction request as the route received it (path segments unchecked). */
export interface TransactionRequestTarget {
  /** The client's address; requests without one share the key `unknown`. */
  sourceIp: string;
  kind: string | undefined;
  recordId: string;
}

/**
 * Lets a transaction request through, or refuses it: every request counts against its source
 * IP; the kind must be `payment` or `refund` and the id a record id (404 otherwise, after the
 * IP count, so probing ids costs budget); a well-formed id then counts against its record.
 * Over either limit → 429 with the seconds until the window ends.
 */
export async function admitTransactionRequest(
  deps: AdmitTransactionRequestDeps,
  target: TransactionRequestTarget,
): Promise<{ kind: RecordKind; recordId: string }> {
  const perIpHit = {
    rule: { ...PURPLE_RATE_LIMITS.transactionRequestPerIp, limit: deps.limits.perIpPerMinute },
    subject: target.sourceIp || 'unknown',
  };
  const kind = target.kind;
  const wellFormed =
    (kind === 'payment' || kind === 'refund') && isRecordId(target.recordId) ? kind : null;
  // A well-formed request counts against its IP and (when the IP is within its limit) its
  // record in one round trip; anything else counts against the IP only.
  const [perIp, perRecord] = wellFormed
    ? await deps.limiter.hitChained(perIpHit, {
        rule: {
          ...PURPLE_RATE_LIMITS.transactionRequestPerRecord,
          limit: deps.limits.perRecordPerMinute,
        },
        subject: `${wellFormed}:${target.recordId.toLowerCase()}`,
      })
    : [await deps.limiter.hit(perIpHit.rule, perIpHit.subject), null];
  if (!perIp.ok) {
    throw new RateLimitExceededError(
      `Too many requests from your network; try again in ${perIp.retryAfterSeconds} s`,
      perIp.retryAfterSeconds,
    );
  }
  if (kind !== 'payment' && kind !== 'refund') {
    throw new UnknownRecordError('Unknown transaction request');
  }
  if (!isRecordId(target.recordId) || !perRecord) throw new UnknownRecordError(`Unknown ${kind}`);
  if (!perRecord.ok) {
    throw new RateLimitExceededError(
      `Too many requests for this ${kind}; try again in ${perRecord.retryAfterSeconds} s`,
      perRecord.retryAfterSeconds,
    );
  }
  return { kind, recordId: target.recordId };
}
