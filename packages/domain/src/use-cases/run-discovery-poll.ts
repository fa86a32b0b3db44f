import type { RejectionReason } from '../ports/record-store-port';
import type { EngineDeps } from './engine-deps';
import { rejectRecord } from './reject-record';
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

/**
 * The scheduled fallback discovery (EventBridge in AWS, a timer locally):
 * 1. checks every served transaction of OPEN/REJECTING records with one `getSignatureStatuses`
 *    call per batch, settling committed ones, marking failed ones, and giving up on those past
 *    their `lastValidBlockHeight` (they can never land);
 * 2. rejects payments that expired with no transaction still able to land (guard burned first);
 * 3. retries rejects whose guard burn had not landed;
 * 4. sweeps guard rent back to the gas wallet once every transaction of a closed record expired.
 * Every step is idempotent; a failure in one item is counted and the rest go on.
 */
export async function runDiscoveryPoll(
  deps: EngineDeps,
  limits: DiscoveryPollLimits = DEFAULT_LIMITS,
): Promise<DiscoveryPollReport> {
  const report: DiscoveryPollReport = {
    checked: 0,
    paid: 0,
    failed: 0,
    expiredTransactions: 0,
    expiredRecords: 0,
    rejectsRetried: 0,
    guardsSwept: 0,
    errors: 0,
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

  const blockHeight = await deps.chain.getBlockHeight();
  const pending = await deps.records.pendingServedTransactions(limits.signatures);
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
  for (const record of await deps.records.expiredOpenRecords(now, blockHeight, limits.records)) {
    await attempt('expire', record, async () => {
      const outcome = await rejectRecord(
        deps,
        record.kind,
        record.id,
        await expiryReason(deps, record.kind, record.id),
      );
      if (outcome.outcome === 'rejected') report.expiredRecords += 1;
    });
  }

  for (const record of await deps.records.rejectingRecords(limits.records)) {
    await attempt('reject retry', record, async () => {
      const stored = await deps.records.findRecord(record.kind, record.id);
      if (!stored) return;
      // The reason was stored by beginReject; passing a placeholder keeps it (state is REJECTING).
      await rejectRecord(deps, record.kind, record.id, {
        code: 'PROCESSING_ERROR',
        merchantMessage: 'Rejected',
      });
      report.rejectsRetried += 1;
    });
  }

  for (const guard of await deps.records.sweepableGuards(blockHeight, limits.guards)) {
    await attempt('sweep', { guardId: guard.guardId }, async () => {
      const swept = await deps.chain.sweepGuard({
        shop: guard.shop,
        kind: guard.kind,
        shopifyId: guard.shopifyId,
        generation: guard.generation,
      });
      if (!swept.ok) throw new Error(swept.message);
      await deps.records.markGuardSwept(guard.guardId, swept.signature);
      report.guardsSwept += 1;
    });
  }

  if (report.checked + report.expiredRecords + report.rejectsRetried + report.guardsSwept > 0) {
    deps.logger.info('discovery poll', { ...report });
  }
  return report;
}
