import {
  ConflictError,
  ForbiddenError,
  GoneError,
  NotFoundError,
  UnprocessableError,
} from '@solpay/lambda';
import { guardRefOf, type PayableRecord, type RecordKind } from '../records/payable-record';
import { formatTokenAmount } from '../money/format-token-amount';
import type { EngineDeps } from './engine-deps';
import { rejectRecord } from './reject-record';
import { settleSignature } from './settle-signature';

/** A Solana Pay transaction-request answer (`POST`). */
export interface ServedTransaction {
  /** Base64 of the partially signed legacy transaction (gas + guard signed; `account` to sign). */
  transaction: string;
  message: string;
}

/** Guard generations tried before giving up (each step needs a third party to pre-fund again). */
const MAX_GUARD_ROTATIONS = 3;

const NOUN: Record<RecordKind, string> = { payment: 'payment', refund: 'refund' };

/** Throws the 404/409/410 a wallet must see for a record that cannot be paid now. */
export function assertServable(
  record: PayableRecord | null,
  kind: RecordKind,
  now: Date,
): PayableRecord {
  if (!record) throw new NotFoundError(`Unknown ${NOUN[kind]}`);
  if (record.status === 'PAID') throw new ConflictError(`This ${NOUN[kind]} is already paid`);
  if (record.status !== 'OPEN') throw new GoneError(`This ${NOUN[kind]} was cancelled`);
  if (record.expiresAt && record.expiresAt.getTime() <= now.getTime()) {
    throw new GoneError(`This ${NOUN[kind]} has expired`);
  }
  if (!record.recipientWallet)
    throw new ConflictError(`This ${NOUN[kind]} has no recipient wallet`);
  return record;
}

/**
 * Serves a Solana Pay transaction for a payment (payer = buyer) or a refund (payer = merchant):
 * screens the wallet (payments), picks a guard that can still be consumed (rotating past a
 * guard pre-funded by a third party), builds + simulates the transaction, records it (signature,
 * guard, lastValidBlockHeight) and only then returns it. A risky wallet gets no transaction and
 * the payment is rejected with `RISKY` (guard burned first).
 */
export async function serveTransaction(
  deps: EngineDeps,
  input: { kind: RecordKind; recordId: string; account: string },
): Promise<ServedTransaction> {
  const { kind, recordId, account } = input;
  const record = assertServable(
    await deps.records.findRecord(kind, recordId),
    kind,
    deps.clock.now(),
  );
  const recipientWallet = record.recipientWallet as string;

  if (kind === 'payment') {
    const screening = await deps.screening.screen(account);
    if (screening.risky) {
      deps.logger.warn('risky wallet refused', { recordId, reason: screening.reason });
      await rejectRecord(deps, kind, recordId, {
        code: 'RISKY',
        merchantMessage: 'The paying wallet failed risk screening',
      });
      throw new ForbiddenError('This wallet cannot be used for this payment');
    }
  }

  let generation = await deps.records.currentGuardGeneration(kind, recordId);
  for (let rotation = 0; ; rotation += 1) {
    const guard = guardRefOf(record, generation);
    const served = await deps.records.servedSignatures(kind, recordId, generation);
    const inspection = await deps.chain.inspectGuard(guard, served);
    if (inspection.state === 'fresh') break;
    if (inspection.state === 'consumed-by-us') {
      await settleSignature(deps, inspection.signature);
      throw new ConflictError(`This ${NOUN[kind]} is already paid`);
    }
    if (rotation >= MAX_GUARD_ROTATIONS) {
      throw new ConflictError(`This ${NOUN[kind]} cannot be served right now; try again later`);
    }
    const next = await deps.records.abandonGuard(
      kind,
      recordId,
      generation,
      deps.chain.guardAddress(guard),
    );
    if (next === null) throw new GoneError(`This ${NOUN[kind]} was cancelled`);
    deps.logger.warn('guard blocked by a third party; rotated', {
      kind,
      recordId,
      generation,
      next,
    });
    generation = next;
  }

  const built = await deps.chain.buildTransfer({
    guard: guardRefOf(record, generation),
    payer: account,
    recipientWallet,
    mint: record.mint,
    tokenProgram: record.tokenProgram,
    tokenSymbol: record.tokenSymbol,
    decimals: record.decimals,
    amount: record.tokenAmount,
    reference: record.referenceKey,
  });
  if (!built.ok) throw new UnprocessableError(built.message, { details: { reason: built.reason } });

  const recorded = await deps.records.recordServedTransaction({
    kind,
    recordId,
    generation,
    guardAddress: built.guardAddress,
    signature: built.signature,
    account,
    lastValidBlockHeight: built.lastValidBlockHeight,
  });
  if (!recorded) throw new GoneError(`This ${NOUN[kind]} was cancelled`);

  const amount = formatTokenAmount(record.tokenAmount, record.decimals);
  const message =
    kind === 'payment'
      ? `${record.label}: pay ${amount} ${record.tokenSymbol} (${record.amount} ${record.currency})`
      : `${record.label}: refund ${amount} ${record.tokenSymbol} to the buyer`;
  return { transaction: built.base64, message };
}
