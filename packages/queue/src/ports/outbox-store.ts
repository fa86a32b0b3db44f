import type { MutationRecords } from './mutation-records';

/** The five Shopify mutations the outbox sends (the `shopify_mutations.kind` column). */
export const OUTBOX_MUTATION_KINDS = [
  'PAYMENT_SESSION_RESOLVE',
  'PAYMENT_SESSION_REJECT',
  'REFUND_SESSION_RESOLVE',
  'REFUND_SESSION_REJECT',
  'PAYMENTS_APP_CONFIGURE',
] as const;

/** One of {@link OUTBOX_MUTATION_KINDS}. */
export type OutboxMutationKind = (typeof OUTBOX_MUTATION_KINDS)[number];

/**
 * Delivery states of an outbox row: `PENDING` (due at its next attempt time), `IN_FLIGHT` (a
 * worker holds it until its lock expires), `SUCCEEDED`, `FAILED` (definitive answer, or never
 * to be sent), `EXHAUSTED` (retries ran out; an operator may replay it).
 */
export const OUTBOX_STATUSES = [
  'PENDING',
  'IN_FLIGHT',
  'SUCCEEDED',
  'FAILED',
  'EXHAUSTED',
] as const;

/** One of {@link OUTBOX_STATUSES}. */
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** An outbox row as the dispatcher reads it. */
export interface OutboxRow {
  id: string;
  kind: OutboxMutationKind;
  merchantId: string;
  paymentId: string | null;
  refundId: string | null;
  /** GraphQL variables and API version as enqueued (the dispatcher validates them). */
  payload: unknown;
  status: OutboxStatus;
  /** Attempts made so far, the claimed one included. */
  attempts: number;
}

/**
 * How an attempt the dispatcher claimed ends. Every end releases the row's lock; `result` is
 * JSON-serialisable (absent: left as it is).
 */
export type OutboxAttemptEnd =
  | { status: 'SUCCEEDED'; completedAt: Date; result: unknown }
  | { status: 'FAILED'; completedAt: Date; lastError: string; result?: unknown }
  | { status: 'EXHAUSTED'; completedAt: Date; lastError: string }
  | { status: 'PENDING'; nextAttemptAt: Date; lastError: string };

/** What a claim asks for. */
export interface OutboxClaim {
  now: Date;
  /** Until when the claimed row belongs to the claiming worker. */
  lockedUntil: Date;
  /** Only claim when this is the row's next attempt number (a retry message's attempt). */
  attempt?: number;
}

/**
 * Persistence of the Shopify mutation outbox (DESIGN §3.3), owned by the queue. Rows are
 * written by the stores whose state changes cause them, in the same transaction (see
 * `enqueueShopifyMutation`); this port claims, ends, lists and reopens them.
 */
export interface OutboxStore {
  /**
   * Atomically takes row `mutationId` for one attempt if it is due (`PENDING` with its next
   * attempt time ≤ `now`) or abandoned (`IN_FLIGHT` with its lock expired before `now`) and, with
   * `claim.attempt`, only if that is its next attempt number: it becomes `IN_FLIGHT`, locked until
   * `claim.lockedUntil`, with one more attempt. Of concurrent claims at most one takes the row.
   * Returns the row as claimed, or undefined when it was not taken.
   */
  claim(mutationId: string, claim: OutboxClaim): Promise<OutboxRow | undefined>;
  /** The row, whatever its state. */
  find(mutationId: string): Promise<OutboxRow | undefined>;
  /**
   * Ends attempt `row.attempts` and releases the lock, only if the row is still `IN_FLIGHT` on
   * that attempt (no other worker took it over after our lock expired). With `andThen`, its
   * record changes commit in the same transaction as the end, and it runs only if the end was
   * written. Returns whether it was.
   */
  endAttempt(
    row: Pick<OutboxRow, 'id' | 'attempts'>,
    end: OutboxAttemptEnd,
    andThen?: (records: MutationRecords) => Promise<void>,
  ): Promise<boolean>;
  /** Ids of rows due or abandoned at `now` (as {@link claim} takes them), earliest due first. */
  dueIds(now: Date, limit: number): Promise<string[]>;
  /** Ids of the rows in one of `statuses`, oldest first. */
  idsWithStatus(statuses: readonly OutboxStatus[]): Promise<string[]>;
  /**
   * Operator replay: a row in one of `statuses` becomes `PENDING`, due at `now`, with no attempt
   * made, no lock and no completion time. Returns false when the row is in none of them.
   */
  reopen(mutationId: string, statuses: readonly OutboxStatus[], now: Date): Promise<boolean>;
}
