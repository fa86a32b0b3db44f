import { guardRefOf, type PayableRecord, type RecordKind } from '../records/payable-record';
import { formatTokenAmount } from '../money/format-token-amount';
import type { GuardInspection } from '../ports/chain-port';
import type { EngineDeps } from './engine-deps';
import { settleSignature } from './settle-signature';
import {
  BusinessRuleViolationError,
  PermissionDeniedError,
  RecordClosedError,
  StateConflictError,
  UnknownRecordError,
} from '../errors';

/** A Solana Pay transaction-request answer (`POST`). */
export interface ServedTransaction {
  /** Base64 of the partially signed legacy transaction (gas + guard signed; `account` to sign). */
  transaction: string;
  message: string;
}

/** Guard generations tried before giving up (each step needs a third party to pre-fund again). */
const MAX_GUARD_ROTATIONS = 3;

const NOUN: Record<RecordKind, string> = { payment: 'payment', refund: 'refund' };

/**
 * Throws 410 for a record whose shop uninstalled the app (or was redacted): Shopify cancels the
 * sessions of an uninstalled app, so paying one would charge the buyer for an order that never
 * completes. Checked before anything is served or shown as payable.
 */
export function assertShopInstalled(record: PayableRecord): void {
  if (!record.shopInstalled) {
    throw new RecordClosedError(
      `This shop no longer accepts Solana Pay; this ${NOUN[record.kind]} was closed`,
    );
  }
}

/** Throws the 404/409/410 a wallet must see for a record that cannot be paid now. */
export function assertServable(
  record: PayableRecord | null,
  kind: RecordKind,
  now: Date,
): PayableRecord {
  if (!record) throw new UnknownRecordError(`Unknown ${NOUN[kind]}`);
  if (record.status === 'PAID') throw new StateConflictError(`This ${NOUN[kind]} is already paid`);
  assertShopInstalled(record);
  if (record.status !== 'OPEN') throw new RecordClosedError(`This ${NOUN[kind]} was cancelled`);
  if (record.expiresAt && record.expiresAt.getTime() <= now.getTime()) {
    throw new RecordClosedError(`This ${NOUN[kind]} has expired`);
  }
  if (!record.recipientWallet)
    throw new StateConflictError(`This ${NOUN[kind]} has no recipient wallet`);
  return record;
}

const SELF_PAY_MESSAGE: Record<RecordKind, string> = {
  payment:
    "This wallet is the store's payout wallet: paying from it would send the tokens back to the same account. Pay from another wallet.",
  refund:
    "This wallet is the buyer's wallet the refund goes to: paying from it would send the tokens back to the same account. Pay from another wallet.",
};

/**
 * Serves a Solana Pay transaction for a payment (payer = buyer) or a refund (payer = merchant):
 * screens the wallet (payments), picks a guard that can still be consumed (rotating past a
 * guard pre-funded by a third party), builds + simulates the transaction, records it (signature,
 * guard, lastValidBlockHeight) and only then returns it. A risky wallet gets 403 and no
 * transaction; the hit is recorded on the payment, which stays open (DESIGN §3.2). A payer
 * whose token account is the recipient's (the same wallet: associated token accounts are derived from owner and mint) gets
 * 422: that transfer would land, consume the guard and pay nothing.
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
  if (account === recipientWallet) {
    throw new BusinessRuleViolationError(SELF_PAY_MESSAGE[kind], {
      details: { reason: 'self-transfer' },
    });
  }

  // Screening runs while the guard and the payer's account are read (one round trip in all);
  // its answer is awaited before anything is served.
  const screened = kind === 'payment' ? deps.screening.screen(account) : undefined;
  screened?.catch(() => undefined);

  const current = await deps.records.currentServedSignatures(kind, recordId);
  let generation = current.generation;
  let inspection: GuardInspection;
  for (let rotation = 0; ; rotation += 1) {
    const guard = guardRefOf(record, generation);
    const served =
      rotation === 0
        ? current.signatures
        : await deps.records.servedSignatures(kind, recordId, generation);
    inspection = await deps.chain.inspectGuard(guard, served, {
      wallet: account,
      mint: record.mint,
      tokenProgram: record.tokenProgram,
    });
    if (inspection.state === 'fresh') break;
    if (inspection.state === 'consumed-by-us') {
      const settled = await settleSignature(deps, inspection.signature);
      if (settled.outcome === 'invalid' && settled.deadGeneration) {
        // Consumed by a transaction that pays nothing: that generation is dead (the store moved
        // the record past it); serve the next one.
        if (rotation >= MAX_GUARD_ROTATIONS) {
          throw new StateConflictError(
            `This ${NOUN[kind]} cannot be served right now; try again later`,
          );
        }
        generation = await deps.records.currentGuardGeneration(kind, recordId);
        continue;
      }
      if (settled.outcome === 'invalid') {
        throw new StateConflictError(
          `A ${NOUN[kind]} transaction for this is being confirmed; try again shortly`,
        );
      }
      throw new StateConflictError(`This ${NOUN[kind]} is already paid`);
    }
    if (rotation >= MAX_GUARD_ROTATIONS) {
      throw new StateConflictError(
        `This ${NOUN[kind]} cannot be served right now; try again later`,
      );
    }
    const next = await deps.records.abandonGuard(
      kind,
      recordId,
      generation,
      deps.chain.guardAddress(guard),
    );
    if (next === null) throw new RecordClosedError(`This ${NOUN[kind]} was cancelled`);
    deps.logger.warn('guard blocked by a third party; rotated', {
      kind,
      recordId,
      generation,
      next,
    });
    generation = next;
  }

  if (screened) {
    const screening = await screened;
    if (screening.risky) {
      // Not a reject: anyone who knows a payment id could otherwise kill a buyer's payment by
      // posting a flagged address. The hit is kept; expiry with only hits rejects RISKY.
      deps.logger.warn('risky wallet refused', { recordId, reason: screening.reason });
      await deps.records.recordScreeningHit(kind, recordId, deps.clock.now());
      throw new PermissionDeniedError(
        'This wallet cannot be used for this payment: it did not pass risk screening. Pay from another wallet.',
      );
    }
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
    ...(inspection.payerFunds ? { payerFunds: inspection.payerFunds } : {}),
  });
  if (!built.ok)
    throw new BusinessRuleViolationError(built.message, { details: { reason: built.reason } });

  const recorded = await deps.records.recordServedTransaction({
    kind,
    recordId,
    generation,
    guardAddress: built.guardAddress,
    signature: built.signature,
    account,
    lastValidBlockHeight: built.lastValidBlockHeight,
  });
  if (recorded === 'closed') throw new RecordClosedError(`This ${NOUN[kind]} was cancelled`);
  if (recorded === 'stale-generation') {
    // Its guard was abandoned (and may be swept) while this transaction was being built: handing
    // it out could let it land beside one served with the next guard.
    throw new StateConflictError(
      `This ${NOUN[kind]} changed while preparing the transaction; try again`,
    );
  }

  const amount = formatTokenAmount(record.tokenAmount, record.decimals);
  const message =
    kind === 'payment'
      ? `${record.label}: pay ${amount} ${record.tokenSymbol} (${record.amount} ${record.currency})`
      : `${record.label}: refund ${amount} ${record.tokenSymbol} to the buyer`;
  return { transaction: built.base64, message };
}
