import type { PrismaClient } from '@solpay/db';

/** Row counts of every application table, in one round trip. */
export type RowCounts = Record<string, number>;

const TABLES = [
  'merchants',
  'payment_records',
  'refund_records',
  'single_use_guards',
  'served_transactions',
  'shopify_mutations',
  'inbound_events',
  'gdpr_requests',
  'oauth_states',
  'portal_sessions',
] as const;

/** Counts the rows of every application table (fuzz and fault tests compare before/after). */
export async function rowCounts(prisma: PrismaClient): Promise<RowCounts> {
  const select = TABLES.map((table) => `(SELECT count(*) FROM "${table}")::int AS "${table}"`).join(
    ', ',
  );
  const rows = await prisma.$queryRawUnsafe<RowCounts[]>(`SELECT ${select}`);
  return { ...(rows[0] ?? {}) };
}
