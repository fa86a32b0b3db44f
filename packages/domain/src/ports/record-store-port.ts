import type { PayableRecord, RecordKind } from '../records/payable-record';

/** Why a record is being rejected; becomes the Shopify rejection reason. */
export interface RejectionReason {
  /**
   * Why, as stored on the record: `RISKY` (screening) or `PROCESSING_ERROR` for payments,
   * `PROCESSING_ERROR` for refunds, and `EXPIRED` for a payment whose session expired unpaid
   * (sent to Shopify as the most specific code the session's API version has; see
   * `paymentSessionRejectCodeForExpiry` in `@solpay/shopify`).
   */
  code: 'RISKY' | 'PROCESSING_ERROR' | 'EXPIRED';
  /** Shown to the merchant in Shopify admin. */
  merchantMessage: string;
}

/** A transaction we served, as discovery needs it. */
export interface ServedTransactionRef {
  signature: string;
  kind: RecordKind;
  recordId: string;
  guardGeneration: number;
  lastValidBlockHeight: bigint;
}

/** A guard whose rent can go back to the gas wallet once its transactions expired. */
export interface SweepableGuard {
  guardId: string;
  kind: RecordKind;
  recordId: string;
  shop: string;
  shopifyId: string;
  generation: number;
  lastValidBlockHeight: bigint;
}

/**
 * Persistence of payments/refunds as the transaction engine needs it. Every method that changes
 * a record's state and must tell Shopify writes the outbox row in the SAME database transaction,
 * and returns the ids of the outbox rows to dispatch. Implemented with Prisma in `@solpay/db`.
 */
export interface RecordStorePort {
  findRecord(kind: RecordKind, id: string): Promise<PayableRecord | null>;
  /** The current guard generation of a record (0 when none was created yet). */
  currentGuardGeneration(kind: RecordKind, id: string): Promise<number>;
  /** Signatures we served with one guard generation of a record. */
  servedSignatures(kind: RecordKind, id: string, generation: number): Promise<string[]>;
  /**
   * {@link currentGuardGeneration} and that generation's {@link servedSignatures}, read
   * together (one round trip).
   */
  currentServedSignatures(
    kind: RecordKind,
    id: string,
  ): Promise<{ generation: number; signatures: string[] }>;
  /**
   * Marks a generation's guard as blocked by a third party and returns the next generation —
   * atomically and ONLY while the record is still OPEN (returns null otherwise), so a reject
   * that already started can never be raced by a fresh guard.
   */
  abandonGuard(
    kind: RecordKind,
    id: string,
    generation: number,
    guardAddress: string,
  ): Promise<number | null>;
  /**
   * Records a served transaction before it is handed to the wallet — atomically, under the
   * record's row lock, and ONLY while the record is still OPEN (`closed` otherwise) and
   * `generation` is still its current guard generation (`stale-generation` when it was abandoned,
   * declared dead or swept meanwhile). Anything but `recorded` means the transaction must not be
   * served. Also raises the guard's `lastValidBlockHeight` to the transaction's.
   */
  recordServedTransaction(input: {
    kind: RecordKind;
    recordId: string;
    generation: number;
    guardAddress: string;
    signature: string;
    account: string;
    lastValidBlockHeight: bigint;
  }): Promise<'recorded' | 'closed' | 'stale-generation'>;
  /**
   * A transaction we served for `generation` landed and consumed its guard, but validation
   * refused it (it pays nobody, e.g. a self-transfer): that generation is dead. Marks the
   * transaction `REFUSED` and the guard `ABANDONED` (with the refused signature), so new serves
   * move to the next generation and a reject needs no burn for it. Under the record's row lock.
   */
  markGenerationDead(input: {
    kind: RecordKind;
    recordId: string;
    generation: number;
    guardAddress: string;
    signature: string;
  }): Promise<void>;
  findServedTransaction(signature: string): Promise<ServedTransactionRef | null>;
  /** How many transactions were ever served for a record (every generation). */
  countServedTransactions(kind: RecordKind, id: string): Promise<number>;
  /** Counts a transaction request refused by wallet screening on a payment (DESIGN §3.2). */
  recordScreeningHit(kind: RecordKind, id: string, at: Date): Promise<void>;
  /** Served transactions still awaiting an outcome, for records that are OPEN or REJECTING. */
  pendingServedTransactions(limit: number): Promise<ServedTransactionRef[]>;
  markServedTransaction(signature: string, status: 'LANDED' | 'FAILED' | 'EXPIRED'): Promise<void>;
  /**
   * OPEN/REJECTING → PAID with the paying signature, the guard CONSUMED, and the resolve mutation
   * queued, atomically. `already-paid` when it is PAID by this signature; `not-payable` when the
   * record is REJECTED or paid by another signature (or the signature credits another record).
   * When the shop left (uninstalled or redacted) no resolve is queued: the record is PAID and
   * flagged (`shopLeft`) for an operator to refund the buyer by hand.
   */
  markPaid(input: {
    kind: RecordKind;
    recordId: string;
    signature: string;
    payer: string;
    slot: bigint;
    blockTime: Date | null;
    generation: number;
  }): Promise<
    | { result: 'paid'; mutationIds: string[]; shopLeft?: true }
    | { result: 'already-paid' | 'not-payable' }
  >;
  /** OPEN → REJECTING (stops serving), storing the reason. `continue` when already REJECTING (the first reason is kept); `closed` when PAID/REJECTED. */
  beginReject(
    kind: RecordKind,
    id: string,
    reason: RejectionReason,
  ): Promise<'started' | 'continue' | 'closed'>;
  /**
   * REJECTING → REJECTED with the guard BURNED and the reject mutation queued, atomically. No
   * mutation is queued for a record whose shop left (Shopify cancelled the session itself).
   * `guardUnused`: nothing was ever served with that guard, so no guard row is written (there
   * is nothing on chain to burn or sweep).
   */
  completeReject(input: {
    kind: RecordKind;
    recordId: string;
    generation: number;
    guardAddress: string;
    burnSignature: string | null;
    guardUnused?: boolean;
  }): Promise<{ mutationIds: string[] }>;
  /** OPEN payments past their expiry with no served transaction still valid at `blockHeight`. */
  expiredOpenRecords(
    now: Date,
    blockHeight: bigint,
    limit: number,
  ): Promise<Array<{ kind: RecordKind; id: string }>>;
  /**
   * Records in REJECTING, oldest first: no request waits for a burn (DESIGN §3.2), so the poll
   * finishes every one — completes it once its burn is final, re-sends a burn that expired, or
   * settles a payment that landed first. Includes records closed because their shop left.
   */
  rejectingRecords(limit: number): Promise<Array<{ kind: RecordKind; id: string }>>;
  /** Guards of closed records (or abandoned ones) whose every transaction expired before `blockHeight`. */
  sweepableGuards(blockHeight: bigint, limit: number): Promise<SweepableGuard[]>;
  markGuardSwept(guardId: string, signature: string | null): Promise<void>;
  /**
   * Stores the URL Shopify answered a payment session's resolve or reject with
   * (`nextAction.context.redirectUrl`): where the checkout page sends the buyer next.
   */
  saveRedirectUrl(paymentId: string, redirectUrl: string): Promise<void>;
  /**
   * Flags a PAID record whose resolve will never reach Shopify (its shop left) for the
   * operator's list (`orphanedAt = at`); a record that is not PAID, or already flagged, is left
   * as it is.
   */
  flagOrphaned(kind: RecordKind, recordId: string, at: Date): Promise<void>;
}
