import { guardRefOf } from '../records/payable-record';
import { isDeadGenerationRefusal } from '../records/is-dead-generation-refusal';
import type { TransferValidation } from '../ports/chain-port';
import type { EngineDeps } from './engine-deps';

/** What discovery concluded about one signature. */
export type SettleOutcome =
  | { outcome: 'paid'; kind: 'payment' | 'refund'; recordId: string }
  | { outcome: 'already-paid'; recordId: string }
  | { outcome: 'not-ours' }
  | { outcome: 'not-payable'; recordId: string }
  | {
      outcome: 'invalid';
      recordId: string;
      validation: Extract<TransferValidation, { ok: false }>;
      /**
       * The transaction landed and consumed its guard without paying the record: that guard
       * generation was declared dead (see {@link isDeadGenerationRefusal}).
       */
      deadGeneration: boolean;
    };

/**
 * The one idempotent discovery use case (webhook, poll and status check all call it): if the
 * signature belongs to a transaction we served, validate it from chain data and, when it pays
 * the record, move the record to PAID and queue the Shopify resolve in one database
 * transaction. Running it many times concurrently for the same signature moves the record once
 * (the store's conditional update and the unique `signature` column decide). A served transaction
 * that landed and consumed its guard but does not pay (a self-transfer) makes that guard
 * generation dead, so the record stays payable through the next generation and can be rejected
 * at expiry — it is never taken for "paid" or "landing".
 */
export async function settleSignature(deps: EngineDeps, signature: string): Promise<SettleOutcome> {
  const served = await deps.records.findServedTransaction(signature);
  if (!served) return { outcome: 'not-ours' };
  const record = await deps.records.findRecord(served.kind, served.recordId);
  if (!record) return { outcome: 'not-ours' };
  if (record.status === 'PAID') {
    return record.signature === signature
      ? { outcome: 'already-paid', recordId: record.id }
      : { outcome: 'not-payable', recordId: record.id };
  }
  if (record.status === 'REJECTED' || !record.recipientWallet) {
    return { outcome: 'not-payable', recordId: record.id };
  }

  const validation = await deps.chain.validateTransfer(signature, {
    guard: guardRefOf(record, served.guardGeneration),
    mint: record.mint,
    tokenProgram: record.tokenProgram,
    decimals: record.decimals,
    amount: record.tokenAmount,
    recipientWallet: record.recipientWallet,
    reference: record.referenceKey,
  });
  if (!validation.ok) {
    if (validation.reason === 'failed-on-chain') {
      await deps.records.markServedTransaction(signature, 'FAILED');
    } else if (validation.reason !== 'not-found' && validation.reason !== 'not-yet-committed') {
      deps.logger.warn('transaction does not pay its record', {
        signature,
        recordId: record.id,
        reason: validation.reason,
        detail: validation.detail,
      });
    }
    const deadGeneration = isDeadGenerationRefusal(validation.reason);
    if (deadGeneration) {
      const guard = guardRefOf(record, served.guardGeneration);
      await deps.records.markGenerationDead({
        kind: record.kind,
        recordId: record.id,
        generation: served.guardGeneration,
        guardAddress: deps.chain.guardAddress(guard),
        signature,
      });
    }
    return { outcome: 'invalid', recordId: record.id, validation, deadGeneration };
  }

  const marked = await deps.records.markPaid({
    kind: record.kind,
    recordId: record.id,
    signature,
    payer: validation.payer,
    slot: validation.slot,
    blockTime: validation.blockTime,
    generation: served.guardGeneration,
  });
  if (marked.result === 'paid') {
    if (marked.shopLeft) {
      // Shopify cancelled this session when the shop uninstalled the app: nobody will complete
      // the order, so the money has to go back by hand.
      deps.logger.error('record paid after its shop left; refund by hand', {
        kind: record.kind,
        recordId: record.id,
        signature,
        runbook: 'docs/runbooks/shop-left-with-open-records.md',
      });
      return { outcome: 'paid', kind: record.kind, recordId: record.id };
    }
    deps.logger.info('record paid', { kind: record.kind, recordId: record.id, signature });
    await deps.dispatch.dispatchSoon(marked.mutationIds);
    return { outcome: 'paid', kind: record.kind, recordId: record.id };
  }
  return marked.result === 'already-paid'
    ? { outcome: 'already-paid', recordId: record.id }
    : { outcome: 'not-payable', recordId: record.id };
}
