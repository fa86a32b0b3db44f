import { guardRefOf, type RecordKind } from '../records/payable-record';
import type { RejectionReason } from '../ports/record-store-port';
import type { EngineDeps } from './engine-deps';
import { settleSignature } from './settle-signature';

/**
 * How a reject request ended: rejected, still rejecting (the burn is on its way to the configured
 * commitment; the discovery poll finishes it), or resolved because a payment had already landed.
 */
export type RejectOutcome =
  | { outcome: 'rejected' }
  | { outcome: 'rejecting' }
  | { outcome: 'paid-instead'; signature: string }
  | { outcome: 'already-closed'; status: 'PAID' | 'REJECTED' };

/**
 * Rejects a payment or refund safely (DESIGN §3.2), one step per call and never waiting for a
 * commitment: stop serving (OPEN → REJECTING), make the record unpayable ON CHAIN by sending a
 * gas-only transaction that consumes its guard, and only once that burn reached the configured
 * commitment queue the Shopify reject. Until then the answer is `rejecting`, and the discovery
 * poll calls this again for every REJECTING record: it completes the reject once the guard is
 * consumed at the commitment, re-sends a burn that never landed (expired blockhash), or — when
 * one of our served transactions consumed the guard — settles that payment, so Shopify is told
 * resolve instead (unless it pays nothing: a dead generation, then the reject goes on). Paying
 * and rejecting can never both happen. A current guard nothing was served with needs no burn
 * (nothing signed by it exists): the reject completes at once.
 */
export async function rejectRecord(
  deps: EngineDeps,
  kind: RecordKind,
  recordId: string,
  reason: RejectionReason,
): Promise<RejectOutcome> {
  const begun = await deps.records.beginReject(kind, recordId, reason);
  if (begun === 'closed') {
    const record = await deps.records.findRecord(kind, recordId);
    return { outcome: 'already-closed', status: record?.status === 'PAID' ? 'PAID' : 'REJECTED' };
  }
  const record = await deps.records.findRecord(kind, recordId);
  if (!record) throw new Error(`record ${kind}/${recordId} vanished during reject`);
  const generation = await deps.records.currentGuardGeneration(kind, recordId);
  const guard = guardRefOf(record, generation);

  // REJECTING (set above under the record lock) stops any further transaction being recorded,
  // and earlier generations are dead: when nothing was ever served with the current guard,
  // nothing signed by it exists, so there is nothing to burn (DESIGN §3.2).
  if ((await deps.records.servedSignatures(kind, recordId, generation)).length === 0) {
    const completed = await deps.records.completeReject({
      kind,
      recordId,
      generation,
      guardAddress: deps.chain.guardAddress(guard),
      burnSignature: null,
      guardUnused: true,
    });
    deps.logger.info('record rejected (nothing served, no burn)', {
      kind,
      recordId,
      code: reason.code,
    });
    await deps.dispatch.dispatchSoon(completed.mutationIds);
    return { outcome: 'rejected' };
  }

  const served = await deps.records.servedSignatures(kind, recordId, generation);
  const inspection = await deps.chain.inspectGuard(guard, served);
  if (inspection.state === 'consumed-by-us') {
    const settled = await settleSignature(deps, inspection.signature);
    if (settled.outcome === 'paid' || settled.outcome === 'already-paid') {
      return { outcome: 'paid-instead', signature: inspection.signature };
    }
    if (settled.outcome !== 'invalid' || !settled.deadGeneration) {
      // Our transaction consumed the guard but is not at the required commitment yet: stay
      // REJECTING; the poll settles it (as paid) once it is committed.
      return { outcome: 'rejecting' };
    }
    // It landed and pays nothing (e.g. a self-transfer): the guard is consumed for good, so no
    // transaction we served with it can land — rejecting is safe without a burn.
    return complete(deps, kind, recordId, generation, guard, reason, null);
  }
  if (inspection.state === 'blocked') {
    // Consumed by a burn of ours (or pre-funded by a third party): once that is at the
    // configured commitment no transaction we served can land any more, so rejecting is safe.
    if (!(await deps.chain.guardConsumed(guard))) return { outcome: 'rejecting' };
    return complete(deps, kind, recordId, generation, guard, reason, null);
  }
  // Fresh: no burn landed yet (none sent, or it expired unlanded): send one, do not wait.
  const burn = await deps.chain.submitBurn(guard);
  if (burn.outcome === 'failed') {
    deps.logger.warn('guard burn could not be sent; the poll retries', {
      kind,
      recordId,
      message: burn.message,
    });
  } else if (burn.outcome === 'submitted') {
    deps.logger.info('guard burn sent', { kind, recordId, burnSignature: burn.signature });
  }
  return { outcome: 'rejecting' };
}

async function complete(
  deps: EngineDeps,
  kind: RecordKind,
  recordId: string,
  generation: number,
  guard: ReturnType<typeof guardRefOf>,
  reason: RejectionReason,
  burnSignature: string | null,
): Promise<RejectOutcome> {
  const completed = await deps.records.completeReject({
    kind,
    recordId,
    generation,
    guardAddress: deps.chain.guardAddress(guard),
    burnSignature,
  });
  deps.logger.info('record rejected', { kind, recordId, code: reason.code });
  await deps.dispatch.dispatchSoon(completed.mutationIds);
  return { outcome: 'rejected' };
}
