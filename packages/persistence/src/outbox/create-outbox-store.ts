import type { PrismaClient } from '@solpay/db';
import { createPrismaOutboxStore, type OutboxStore } from '@solpay/queue';
import { createSqlMutationRecords } from '../records/create-sql-mutation-records';

/**
 * The outbox's store over PostgreSQL, with the record store changing a mutation's payment or
 * refund (redirect URL, orphan flag) in the same transaction as the attempt's end.
 */
export function createOutboxStore(prisma: PrismaClient): OutboxStore {
  return createPrismaOutboxStore(prisma, { recordsIn: createSqlMutationRecords });
}
