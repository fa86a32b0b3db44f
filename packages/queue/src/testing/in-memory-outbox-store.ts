import { randomUUID } from 'node:crypto';
import type { MutationRecords } from '../ports/mutation-records';
import type {
  OutboxMutationKind,
  OutboxRow,
  OutboxStatus,
  OutboxStore,
} from '../ports/outbox-store';

/** A row of the in-memory outbox: every column the Prisma table has that the rules touch. */
export interface InMemoryOutboxRow extends OutboxRow {
  dedupeKey: string;
  nextAttemptAt: Date;
  lockedUntil: Date | null;
  lastError: string | null;
  result: unknown;
  completedAt: Date | null;
  createdAt: Date;
}

/** What {@link InMemoryOutboxStore.enqueue} writes (as `enqueueShopifyMutation` does). */
export interface InMemoryEnqueueInput {
  kind: OutboxMutationKind;
  merchantId: string;
  paymentId?: string;
  refundId?: string;
  variables: Record<string, unknown>;
  dedupeKey: string;
  apiVersion?: string;
}

/** {@link OutboxStore} in memory, plus what a test needs to set up and inspect rows. */
export interface InMemoryOutboxStore extends OutboxStore {
  /** Adds a row due at `now`, idempotent on `dedupeKey` (the existing row is returned). */
  enqueue(input: InMemoryEnqueueInput, now: Date): InMemoryOutboxRow;
  /** A copy of row `id` as stored. */
  row(id: string): InMemoryOutboxRow;
  /** Overwrites columns of row `id` (a crashed worker's leftovers, say). */
  patch(id: string, columns: Partial<InMemoryOutboxRow>): void;
}

/**
 * The outbox in memory, with the Prisma adapter's rules: claims take due or abandoned rows (and
 * only the expected attempt), an attempt's end lands only while its claim holds, and record
 * changes that go with an end are undone with it when they fail. Single-threaded JavaScript makes
 * each check-and-write atomic. For fast tests of the dispatcher, sweep and replay.
 */
export function createInMemoryOutboxStore(records: MutationRecords): InMemoryOutboxStore {
  const rows = new Map<string, InMemoryOutboxRow>();
  const copy = (row: InMemoryOutboxRow): InMemoryOutboxRow => ({ ...row });
  const claimable = (row: InMemoryOutboxRow, now: Date) =>
    (row.status === 'PENDING' && row.nextAttemptAt.getTime() <= now.getTime()) ||
    (row.status === 'IN_FLIGHT' &&
      row.lockedUntil !== null &&
      row.lockedUntil.getTime() < now.getTime());
  const get = (id: string) => {
    const row = rows.get(id);
    if (!row) throw new Error(`no outbox row ${id}`);
    return row;
  };

  return {
    enqueue(input, now) {
      const existing = [...rows.values()].find((row) => row.dedupeKey === input.dedupeKey);
      if (existing) return copy(existing);
      const row: InMemoryOutboxRow = {
        id: randomUUID(),
        kind: input.kind,
        dedupeKey: input.dedupeKey,
        merchantId: input.merchantId,
        paymentId: input.paymentId ?? null,
        refundId: input.refundId ?? null,
        payload: {
          variables: input.variables,
          ...(input.apiVersion === undefined ? {} : { apiVersion: input.apiVersion }),
        },
        status: 'PENDING',
        attempts: 0,
        nextAttemptAt: now,
        lockedUntil: null,
        lastError: null,
        result: null,
        completedAt: null,
        createdAt: now,
      };
      rows.set(row.id, row);
      return copy(row);
    },

    row: (id) => copy(get(id)),

    patch(id, columns) {
      rows.set(id, { ...get(id), ...columns });
    },

    async claim(mutationId, { now, lockedUntil, attempt }) {
      const row = rows.get(mutationId);
      if (!row || !claimable(row, now)) return undefined;
      if (attempt !== undefined && row.attempts !== attempt - 1) return undefined;
      row.status = 'IN_FLIGHT';
      row.lockedUntil = lockedUntil;
      row.attempts += 1;
      return copy(row);
    },

    async find(mutationId) {
      const row = rows.get(mutationId);
      return row ? copy(row) : undefined;
    },

    async endAttempt(claimed, end, andThen) {
      const row = rows.get(claimed.id);
      if (!row || row.status !== 'IN_FLIGHT' || row.attempts !== claimed.attempts) return false;
      const before = copy(row);
      row.status = end.status;
      row.lockedUntil = null;
      if (end.status === 'PENDING') row.nextAttemptAt = end.nextAttemptAt;
      else row.completedAt = end.completedAt;
      row.lastError = end.status === 'SUCCEEDED' ? null : end.lastError;
      if ('result' in end && end.result !== undefined) {
        row.result = JSON.parse(JSON.stringify(end.result)) as unknown;
      }
      if (andThen) {
        try {
          await andThen(records);
        } catch (error) {
          rows.set(row.id, before);
          throw error;
        }
      }
      return true;
    },

    async dueIds(now, limit) {
      return [...rows.values()]
        .filter((row) => claimable(row, now))
        .sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime())
        .slice(0, limit)
        .map((row) => row.id);
    },

    async idsWithStatus(statuses: readonly OutboxStatus[]) {
      return [...rows.values()]
        .filter((row) => statuses.includes(row.status))
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
        .map((row) => row.id);
    },

    async reopen(mutationId, statuses, now) {
      const row = rows.get(mutationId);
      if (!row || !statuses.includes(row.status)) return false;
      Object.assign(row, {
        status: 'PENDING',
        attempts: 0,
        nextAttemptAt: now,
        lockedUntil: null,
        completedAt: null,
      } satisfies Partial<InMemoryOutboxRow>);
      return true;
    },
  };
}
