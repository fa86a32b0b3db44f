import type { RecordKind } from '../records/payable-record';
import type { EngineDeps } from './engine-deps';
import { settleSignature, type SettleOutcome } from './settle-signature';

/** What an on-demand check found. */
export interface ServedTransactionsCheck {
  /** Transactions of the record's current guard that were looked up. */
  checked: number;
  /** Outcomes of the committed ones (settled through {@link settleSignature}). */
  settled: SettleOutcome[];
}

/**
 * The on-demand discovery (the checkout page asking "is it paid yet?"): for an OPEN or REJECTING
 * record, looks up every transaction served with its current guard in one
 * `getSignatureStatuses` call and settles those that reached the configured commitment, so the
 * page sees PAID without waiting for the webhook or the poll. Failed ones are marked FAILED.
 * Transactions of abandoned guard generations are skipped: a pre-funded guard makes them
 * unable to land. Idempotent, like every discovery path.
 */
export async function checkServedTransactions(
  deps: EngineDeps,
  kind: RecordKind,
  recordId: string,
): Promise<ServedTransactionsCheck> {
  const record = await deps.records.findRecord(kind, recordId);
  if (!record || (record.status !== 'OPEN' && record.status !== 'REJECTING')) {
    return { checked: 0, settled: [] };
  }
  const { signatures } = await deps.records.currentServedSignatures(kind, recordId);
  if (signatures.length === 0) return { checked: 0, settled: [] };

  const states = await deps.chain.signatureStates(signatures);
  const settled: SettleOutcome[] = [];
  for (const signature of signatures) {
    const state = states.get(signature) ?? null;
    if (state?.failed) {
      await deps.records.markServedTransaction(signature, 'FAILED');
    } else if (state?.committed) {
      const outcome = await settleSignature(deps, signature);
      settled.push(outcome);
      // Only one transaction per guard can land: nothing else to look at.
      if (outcome.outcome === 'paid' || outcome.outcome === 'already-paid') break;
    }
  }
  return { checked: signatures.length, settled };
}
