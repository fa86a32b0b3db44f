import { directSql, emptySql, joinSql, jsonbSql, rawSql, sql, type Sql } from '@solpay/db';
import type {
  DirectSql,
  PrismaClient,
  ShopifyMutationKind,
  ShopifyMutationStatus,
} from '@solpay/db';
import * as z from 'zod';
import type { MutationRecords } from '../ports/mutation-records';
import {
  OUTBOX_MUTATION_KINDS,
  OUTBOX_STATUSES,
  type OutboxAttemptEnd,
  type OutboxMutationKind,
  type OutboxRow,
  type OutboxStatus,
  type OutboxStore,
} from '../ports/outbox-store';

// The port's unions are the database enums, checked both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const kindsMatch: Same<OutboxMutationKind, ShopifyMutationKind> = true;
const statusesMatch: Same<OutboxStatus, ShopifyMutationStatus> = true;
void kindsMatch;
void statusesMatch;

/** Dependencies of {@link createPrismaOutboxStore}. */
export interface PrismaOutboxStoreDeps {
  /** The record store working inside the outbox's transaction (same database). */
  recordsIn: (sql: DirectSql) => MutationRecords;
}

/** Rows due or abandoned at `now`: what a claim may take (and `dueIds` lists). */
const claimable = (now: Date) => sql`
  ((status = 'PENDING' AND next_attempt_at <= ${now})
    OR (status = 'IN_FLIGHT' AND locked_until < ${now}))`;

const idRow = z.object({ id: z.string() });

/** A row as the claim's `UPDATE … RETURNING` and `find` give it (enum columns cast to text). */
const claimedRow = z
  .object({
    id: z.string(),
    kind: z.enum(OUTBOX_MUTATION_KINDS),
    merchant_id: z.string(),
    payment_id: z.string().nullable(),
    refund_id: z.string().nullable(),
    payload: z.unknown(),
    status: z.enum(OUTBOX_STATUSES),
    attempts: z.number().int(),
  })
  .transform((row): OutboxRow => ({
    id: row.id,
    kind: row.kind,
    merchantId: row.merchant_id,
    paymentId: row.payment_id,
    refundId: row.refund_id,
    payload: row.payload,
    status: row.status,
    attempts: row.attempts,
  }));

/** The columns {@link claimedRow} parses. */
const ROW_COLUMNS = rawSql(`id::text AS id, kind::text AS kind,
  merchant_id::text AS merchant_id, payment_id::text AS payment_id,
  refund_id::text AS refund_id, payload, status::text AS status, attempts`);

/** A JSON column's value as `jsonb` (what Prisma stores for a `Json` input). */
const jsonb = (value: unknown) => jsonbSql(value);

/** The columns an attempt's end sets, as `SET` assignments. */
function endAssignments(end: OutboxAttemptEnd): Sql[] {
  const status = sql`status = ${end.status}::"ShopifyMutationStatus"`;
  switch (end.status) {
    case 'SUCCEEDED':
      return [
        status,
        sql`completed_at = ${end.completedAt}`,
        sql`last_error = NULL`,
        sql`result = ${jsonb(end.result)}`,
      ];
    case 'FAILED':
      return [
        status,
        sql`completed_at = ${end.completedAt}`,
        sql`last_error = ${end.lastError}`,
        ...(end.result === undefined ? [] : [sql`result = ${jsonb(end.result)}`]),
      ];
    case 'EXHAUSTED':
      return [status, sql`completed_at = ${end.completedAt}`, sql`last_error = ${end.lastError}`];
    case 'PENDING':
      return [
        status,
        sql`next_attempt_at = ${end.nextAttemptAt}`,
        sql`last_error = ${end.lastError}`,
      ];
  }
}

/**
 * {@link OutboxStore} over the `shopify_mutations` table. A claim is one conditional `UPDATE`
 * (the row lock makes concurrent claims take turns, and only the first still matches); an
 * attempt's end is conditional on the claim still holding; record changes that go with an end
 * run through `deps.recordsIn` in the same transaction. The dispatch path (claim, `find`, end,
 * `dueIds`) is SQL over `pg` (`directSql`, ADR 0014); `idsWithStatus` and `reopen` (the
 * operator's replay) use Prisma.
 */
export function createPrismaOutboxStore(
  prisma: PrismaClient,
  deps: PrismaOutboxStoreDeps,
): OutboxStore {
  const direct = directSql(prisma);
  /** Whether the claim still held and the end was written. */
  const endIn = async (
    db: DirectSql,
    row: Pick<OutboxRow, 'id' | 'attempts'>,
    end: OutboxAttemptEnd,
  ): Promise<boolean> => {
    const set = [...endAssignments(end), sql`locked_until = NULL`, sql`updated_at = ${new Date()}`];
    const rows = await db.query(sql`
      UPDATE shopify_mutations SET ${joinSql(set)}
      WHERE id = ${row.id}::uuid AND status = 'IN_FLIGHT' AND attempts = ${row.attempts}
      RETURNING id::text AS id`);
    return rows.length === 1;
  };

  const find = async (mutationId: string): Promise<OutboxRow | undefined> => {
    const rows = await direct.query(sql`
      SELECT ${ROW_COLUMNS} FROM shopify_mutations WHERE id = ${mutationId}::uuid`);
    return rows.length === 1 ? claimedRow.parse(rows[0]) : undefined;
  };

  return {
    async claim(mutationId, { now, lockedUntil, attempt }) {
      // One statement (Prisma's updateMany and re-read took four: BEGIN, UPDATE, COMMIT,
      // SELECT). Same condition as `claimable`; the row lock makes concurrent claims take turns
      // and re-check it, so at most one returns the row.
      const rows = await direct.query(sql`
        UPDATE shopify_mutations
        SET status = 'IN_FLIGHT', locked_until = ${lockedUntil}, attempts = attempts + 1,
          updated_at = ${now}
        WHERE id = ${mutationId}::uuid AND ${claimable(now)}
          ${attempt === undefined ? emptySql : sql`AND attempts = ${attempt - 1}`}
        RETURNING ${ROW_COLUMNS}`);
      return rows.length === 1 ? claimedRow.parse(rows[0]) : undefined;
    },

    find,

    async endAttempt(row, end, andThen) {
      if (!andThen) return endIn(direct, row, end);
      return direct.transaction(async (tx) => {
        const ended = await endIn(tx, row, end);
        if (ended) await andThen(deps.recordsIn(tx));
        return ended;
      });
    },

    async dueIds(now, limit) {
      const rows = await direct.query(sql`
        SELECT id::text AS id FROM shopify_mutations WHERE ${claimable(now)}
        ORDER BY next_attempt_at ASC LIMIT ${limit}`);
      return z
        .array(idRow)
        .parse(rows)
        .map((row) => row.id);
    },

    async idsWithStatus(statuses) {
      const rows = await prisma.shopifyMutation.findMany({
        where: { status: { in: [...statuses] } },
        orderBy: { createdAt: 'asc' },
        select: { id: true },
      });
      return rows.map((row) => row.id);
    },

    async reopen(mutationId, statuses, now) {
      const reset = await prisma.shopifyMutation.updateMany({
        where: { id: mutationId, status: { in: [...statuses] } },
        data: {
          status: 'PENDING',
          attempts: 0,
          nextAttemptAt: now,
          lockedUntil: null,
          completedAt: null,
        },
      });
      return reset.count === 1;
    },
  };
}
