import { type DirectSql, rawSql, sql } from '@solpay/db';
import type { MutationRecords } from '@solpay/queue';
import { RECORD_TABLE } from './record-tables';

/**
 * {@link MutationRecords} in SQL over `sql` (ADR 0014): given the outbox's transaction, the
 * redirect URL or the orphan flag commits with the attempt's end.
 */
export function createSqlMutationRecords(db: DirectSql): MutationRecords {
  return {
    async saveRedirectUrl(paymentId, redirectUrl) {
      const rows = await db.query(sql`
        UPDATE payment_records SET redirect_url = ${redirectUrl}, updated_at = ${new Date()}
        WHERE id = ${paymentId}::uuid RETURNING id`);
      // As Prisma's `update` did: no such payment fails the caller's transaction.
      if (rows.length === 0) throw new Error(`no payment ${paymentId} to store a redirect URL on`);
    },

    async flagOrphaned(kind, recordId, at) {
      await db.query(sql`
        UPDATE ${rawSql(RECORD_TABLE[kind])} SET orphaned_at = ${at}, updated_at = ${new Date()}
        WHERE id = ${recordId}::uuid AND status = 'PAID' AND orphaned_at IS NULL`);
    },
  };
}
