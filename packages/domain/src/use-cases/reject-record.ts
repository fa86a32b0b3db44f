import { ConflictError, UpstreamUnavailableError } from '@solpay/lambda';
import { guardRefOf, type RecordKind } from '../records/payable-record';
import type { RejectionReason } from '../ports/record-store-port';
import type { EngineDeps } from './engine-deps';
import { settleSignature } from './settle-signature';

/** How a reject request ended: rejected, or resolved because a payment had already landed. */
export type RejectOutcome =
  | { outcome: 'rejected' }
  | { outcome: 'paid-instead'; signature: string }
  | { outcome: 'already-closed'; status: 'PAID' | 'REJECTED' };

/**
 * Rejects a payment or refund safely (DESIGN §3.2): stop serving (OPEN → REJECTING), make the
 * record unpayable ON CHAIN by landing a gas-only transaction that consumes its guard, and only
 * then queue the Shopify reject. If consuming the guard fails because one of our transactions
 * already consumed it, the record was paid: settle it, so Shopify is told resolve instead —
 * unless that transaction pays nothing (a dead generation), in which case the reject goes on.
 * Paying and rejecting can never both happen. A current guard nothing was served with needs no
 * burn (nothing signed by it exists): the reject completes at once. Safe to call again (the poll
 * retries REJECTING records whose burn did not land).
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

  const burn = await deps.chain.burnGuard(guard);
  if (burn.outcome === 'failed') {
    deps.logger.warn('guard burn failed; reject will be retried', {
      kind,
      recordId,
      message: burn.message,
    });
    throw new UpstreamUnavailableError('Could not make the record unpayable on chain yet');
  }
  if (burn.outcome === 'already-consumed') {
    const served = await deps.records.servedSignatures(kind, recordId, generation);
    const inspection = await deps.chain.inspectGuard(guard, served);
    if (inspection.state === 'consumed-by-us') {
      const settled = await settleSignature(deps, inspection.signature);
      if (settled.outcome === 'paid' || settled.outcome === 'already-paid') {
        return { outcome: 'paid-instead', signature: inspection.signature };
      }
      if (settled.outcome !== 'invalid' || !settled.deadGeneration) {
        // Our transaction consumed the guard but is not yet at the required commitment: keep
        // REJECTING; the poll finishes it (as paid) once it is committed.
        throw new ConflictError('A payment for this record is landing; try again shortly');
      }
      // It landed and pays nothing (e.g. a self-transfer): the guard is consumed for good, so
      // no transaction we served with it can land — rejecting is safe without a burn.
    }
    // Consumed by an earlier burn of ours or pre-funded by a third party: either way no
    // transaction we served can land any more, so rejecting is safe.
  }
  const completed = await deps.records.completeReject({
    kind,
    recordId,
    generation,
    guardAddress: deps.chain.guardAddress(guard),
    burnSignature: burn.outcome === 'burned' ? burn.signature : null,
  });
  deps.logger.info('record rejected', { kind, recordId, code: reason.code });
  await deps.dispatch.dispatchSoon(completed.mutationIds);
  return { outcome: 'rejected' };
}
