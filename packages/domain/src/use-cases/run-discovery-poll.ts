import type { RejectionReason } from '../ports/record-store-port';
import type { EngineDeps } from './engine-deps';
import { rejectRecord } from './reject-record';
import { forEachWithin } from './for-each-within';
import { settleSignature } from './settle-signature';

/** Counts of what one poll did (logged, and returned for tests and benches). */
export interface DiscoveryPollReport {
  checked: number;
  paid: number;
  failed: number;
  expiredTransactions: number;
  expiredRecords: number;
  rejectsRetried: number;
  guardsSwept: number;
  errors: number;
  /** Items left for the next run because this run's time share was used up. */
  deferred: number;
}

/** Limits for one poll run, so a Lambda invocation stays well inside its timeout. */
export interface DiscoveryPollLimits {
  signatures: number;
  records: number;
  guards: number;
}

/** How an expired session is rejected (sent with the most specific code its API version has). */
export const EXPIRED_UNPAID = {
  code: 'EXPIRED',
  merchantMessage:
    'The payment session expired unpaid: no payment arrived before it expired. The buyer was not charged.',
} as const satisfies RejectionReason;

/** How a session that expired with only wallets flagged by screening trying to pay is rejected. */
export const EXPIRED_ONLY_FLAGGED = {
  code: 'RISKY',
  merchantMessage:
    'The payment session expired unpaid; the only wallets that tried to pay failed risk screening.',
} as const satisfies RejectionReason;

/** `RISKY` when screening refused every attempt and nothing was ever served; else expired. */
async function expiryReason(
  deps: EngineDeps,
  kind: 'payment' | 'refund',
  id: string,
): Promise<RejectionReason> {
  const record = await deps.records.findRecord(kind, id);
  if (!record || record.screeningHits === 0) return EXPIRED_UNPAID;
  return (await deps.records.countServedTransactions(kind, id)) === 0
    ? EXPIRED_ONLY_FLAGGED
    : EXPIRED_UNPAID;
}

const DEFAULT_LIMITS: DiscoveryPollLimits = { signatures: 256, records: 50, guards: 50 };

/** Time budget of one poll run (a Lambda passes `context.getRemainingTimeInMillis`). */
export interface DiscoveryPollBudget {
  /** Milliseconds left in the invocation. */
  remainingMs: () => number;
  /** Left unused at the end, for the answer and slow items already started (default 2 s). */
  reserveMs?: number;
  /** Expiries and reject retries run this many at a time (default 4). */
  concurrency?: number;
}

const UNBOUNDED: DiscoveryPollBudget = { remainingMs: () => Number.POSITIVE_INFINITY };

/**
 * The scheduled fallback discovery (EventBridge in AWS, a timer locally):
 * 1. checks every served transaction of OPEN/REJECTING records with one `getSignatureStatuses`
 *    call per batch, settling committed ones, marking failed ones, and giving up on those past
 *    their `lastValidBlockHeight` (they can never land);
 * 2. rejects payments that expired with no transaction still able to land: at once when nothing
 *    was served with the current guard, else by sending the guard burn without waiting for it;
 * 3. finishes every REJECTING record (DESIGN §3.2: no request waits for a burn): rejects it once
 *    its burn is at the commitment, re-sends a burn that expired unlanded, or settles a payment
 *    that landed first;
 * 4. sweeps guard rent back to the gas wallet once every transaction of a closed record expired.
 * Every step is idempotent; a failure in one item is counted and the rest go on. The run keeps
 * within `budget`: expiries and reject retries run `concurrency` at a time, and each of steps
 * 2–4 stops starting items at its own share of the remaining time (expiries may use the time
 * down to 40 % of it plus the reserve, retries down to 20 %, sweeps the rest), so retries and
 * sweeps get their turn every run however many payments expired; what is left resumes next run.
 */
export async function runDiscoveryPoll(
  deps: EngineDeps,
  limits: DiscoveryPollLimits = DEFAULT_LIMITS,
  budget: DiscoveryPollBudget = UNBOUNDED,
): Promise<DiscoveryPollReport> {
  const remainingMs = budget.remainingMs;
  const reserveMs = budget.reserveMs ?? 2_000;
  const concurrency = budget.concurrency ?? 4;
  const startMs = remainingMs();
  const share = Number.isFinite(startMs) ? Math.max(0, startMs - reserveMs) * 0.2 : 0;
  const report: DiscoveryPollReport = {
    checked: 0,
    paid: 0,
    failed: 0,
    expiredTransactions: 0,
    expiredRecords: 0,
    rejectsRetried: 0,
    guardsSwept: 0,
    errors: 0,
    deferred: 0,
  };
  const attempt = async (
    what: string,
    fields: Record<string, unknown>,
    fn: () => Promise<void>,
  ) => {
    try {
      await fn();
    } catch (error) {
      report.errors += 1;
      deps.logger.warn(`discovery poll: ${what} failed`, { ...fields, error: String(error) });
    }
  };

  // One RPC round trip and one query, neither waiting for the other.
  const [blockHeight, pending] = await Promise.all([
    deps.chain.getBlockHeight(),
    deps.records.pendingServedTransactions(limits.signatures),
  ]);
  if (pending.length > 0) {
    const states = await deps.chain.signatureStates(pending.map((served) => served.signature));
    for (const served of pending) {
      report.checked += 1;
      const state = states.get(served.signature) ?? null;
      await attempt('settle', { signature: served.signature }, async () => {
        if (state?.failed) {
          await deps.records.markServedTransaction(served.signature, 'FAILED');
          report.failed += 1;
        } else if (state?.committed) {
          const settled = await settleSignature(deps, served.signature);
          if (settled.outcome === 'paid') report.paid += 1;
        } else if (!state && blockHeight > served.lastValidBlockHeight) {
          await deps.records.markServedTransaction(served.signature, 'EXPIRED');
          report.expiredTransactions += 1;
        }
      });
    }
  }

  const now = deps.clock.now();
  // Both lists side by side: step 2 only turns OPEN records into REJECTING ones, and those it
  // sent a burn for are left out of step 3 below, so reading step 3's list first changes nothing.
  const [expired, rejectingBefore] = await Promise.all([
    deps.records.expiredOpenRecords(now, blockHeight, limits.records),
    deps.records.rejectingRecords(limits.records),
  ]);
  const burnSent = new Set<string>();
  report.deferred += await forEachWithin(
    expired,
    concurrency,
    remainingMs,
    reserveMs + 2 * share,
    (record) =>
      attempt('expire', record, async () => {
        const outcome = await rejectRecord(
          deps,
          record.kind,
          record.id,
          await expiryReason(deps, record.kind, record.id),
        );
        // `rejecting` (burn sent) is counted when a later run completes it, as a retry.
        if (outcome.outcome === 'rejected') report.expiredRecords += 1;
        if (outcome.outcome === 'rejecting') burnSent.add(`${record.kind}:${record.id}`);
      }),
  );

  // A burn sent by step 2 a moment ago has not landed yet: checking it now would only send it again.
  const rejecting = rejectingBefore.filter(
    (record) => !burnSent.has(`${record.kind}:${record.id}`),
  );
  report.deferred += await forEachWithin(
    rejecting,
    concurrency,
    remainingMs,
    reserveMs + share,
    (record) =>
      attempt('reject retry', record, async () => {
        const stored = await deps.records.findRecord(record.kind, record.id);
        if (!stored) return;
        // The reason was stored by beginReject; passing a placeholder keeps it (state is REJECTING).
        await rejectRecord(deps, record.kind, record.id, {
          code: 'PROCESSING_ERROR',
          merchantMessage: 'Rejected',
        });
        report.rejectsRetried += 1;
      }),
  );

  const sweepable = await deps.records.sweepableGuards(blockHeight, limits.guards);
  report.deferred += await forEachWithin(sweepable, 1, remainingMs, reserveMs, (guard) =>
    attempt('sweep', { guardId: guard.guardId }, async () => {
      const swept = await deps.chain.sweepGuard({
        shop: guard.shop,
        kind: guard.kind,
        shopifyId: guard.shopifyId,
        generation: guard.generation,
      });
      if (!swept.ok) throw new Error(swept.message);
      await deps.records.markGuardSwept(guard.guardId, swept.signature);
      report.guardsSwept += 1;
    }),
  );

  if (report.checked + report.expiredRecords + report.rejectsRetried + report.guardsSwept > 0) {
    deps.logger.info('discovery poll', { ...report });
  }
  return report;
}
