import { Prisma } from '@solpay/db';
import type { PrismaClient, ShopifyMutationKind, ShopifyMutationStatus } from '@solpay/db';
import { z } from 'zod';
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
  recordsIn: (tx: Prisma.TransactionClient) => MutationRecords;
}

/** Rows due or abandoned at `now`: what a claim may take. */
const claimable = (now: Date): Prisma.ShopifyMutationWhereInput => ({
  OR: [
    { status: 'PENDING', nextAttemptAt: { lte: now } },
    { status: 'IN_FLIGHT', lockedUntil: { lt: now } },
  ],
});

/** A claimed row as the claim's `UPDATE … RETURNING` gives it (enum columns cast to text). */
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

function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

function endData(end: OutboxAttemptEnd): Prisma.ShopifyMutationUpdateManyMutationInput {
  switch (end.status) {
    case 'SUCCEEDED':
      return {
        status: end.status,
        completedAt: end.completedAt,
        lastError: null,
        result: toJson(end.result),
      };
    case 'FAILED':
      return {
        status: end.status,
        completedAt: end.completedAt,
        lastError: end.lastError,
        ...(end.result === undefined ? {} : { result: toJson(end.result) }),
      };
    case 'EXHAUSTED':
      return { status: end.status, completedAt: end.completedAt, lastError: end.lastError };
    case 'PENDING':
      return { status: end.status, nextAttemptAt: end.nextAttemptAt, lastError: end.lastError };
  }
}

/**
 * {@link OutboxStore} over the `shopify_mutations` table with Prisma. A claim is one conditional
 * `UPDATE` (the row lock makes concurrent claims take turns, and only the first still matches);
 * an attempt's end is conditional on the claim still holding; record changes that go with an
 * end run through `deps.recordsIn` in the same transaction.
 */
export function createPrismaOutboxStore(
  prisma: PrismaClient,
  deps: PrismaOutboxStoreDeps,
): OutboxStore {
  const endIn = (
    db: Prisma.TransactionClient,
    row: Pick<OutboxRow, 'id' | 'attempts'>,
    end: OutboxAttemptEnd,
  ) =>
    db.shopifyMutation.updateMany({
      where: { id: row.id, status: 'IN_FLIGHT', attempts: row.attempts },
      data: { ...endData(end), lockedUntil: null },
    });

  const find = async (mutationId: string): Promise<OutboxRow | undefined> =>
    (await prisma.shopifyMutation.findUnique({ where: { id: mutationId } })) ?? undefined;

  return {
    async claim(mutationId, { now, lockedUntil, attempt }) {
      // One statement (Prisma's updateMany and re-read took four: BEGIN, UPDATE, COMMIT,
      // SELECT). Same condition as `claimable`; the row lock makes concurrent claims take turns
      // and re-check it, so at most one returns the row.
      const rows = await prisma.$queryRaw<unknown[]>`
        UPDATE shopify_mutations
        SET status = 'IN_FLIGHT', locked_until = ${lockedUntil}, attempts = attempts + 1,
          updated_at = ${now}
        WHERE id = ${mutationId}::uuid
          AND ((status = 'PENDING' AND next_attempt_at <= ${now})
            OR (status = 'IN_FLIGHT' AND locked_until < ${now}))
          ${attempt === undefined ? Prisma.empty : Prisma.sql`AND attempts = ${attempt - 1}`}
        RETURNING id, kind::text AS kind, merchant_id, payment_id, refund_id, payload,
          status::text AS status, attempts`;
      return rows.length === 1 ? claimedRow.parse(rows[0]) : undefined;
    },

    find,

    async endAttempt(row, end, andThen) {
      if (!andThen) return (await endIn(prisma, row, end)).count === 1;
      return prisma.$transaction(async (tx) => {
        const ended = (await endIn(tx, row, end)).count === 1;
        if (ended) await andThen(deps.recordsIn(tx));
        return ended;
      });
    },

    async dueIds(now, limit) {
      const rows = await prisma.shopifyMutation.findMany({
        where: claimable(now),
        orderBy: { nextAttemptAt: 'asc' },
        take: limit,
        select: { id: true },
      });
      return rows.map((row) => row.id);
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
