import Decimal from 'decimal.js';
import type pg from 'pg';
import type { PrismaClient } from '../generated/prisma/client';
import type { SqlStatement } from '../sql/sql';
import type { TransactionClient } from './database-client';

/** A client's own `pg` pool and statement guard, as `createPrismaClient` built it. */
interface DirectRoute {
  pool: pg.Pool;
  beforeStatement?: () => void;
}

const routes = new WeakMap<object, DirectRoute>();

/** Called by `createPrismaClient`: lets {@link queryRawDirect} and `directSql` reach the pool. */
export function registerDirectRoute(client: PrismaClient, route: DirectRoute): void {
  routes.set(client, route);
}

/** The pool and guard of a client built by `createPrismaClient` (none for any other client). */
export function directRouteOf(client: object): DirectRoute | undefined {
  return routes.get(client);
}

/**
 * A statement's values as `pg` should send them: `Date` as ISO UTC text and `bigint` as decimal
 * text (what Prisma sends), `Decimal` as its exact text (`pg` would send its JSON, quoted).
 */
export function toDirectValues(values: readonly unknown[]): unknown[] {
  return values.map((value) =>
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'bigint'
        ? value.toString()
        : // Prisma's Decimal is a copy of decimal.js: `isDecimal` recognises either.
          Decimal.isDecimal(value)
          ? (value as Decimal).toFixed()
          : value,
  );
}

/**
 * Sends one raw statement and returns its rows. On a client built by `createPrismaClient` the
 * statement goes over that client's own `pg` pool, behind the same `beforeStatement` guard,
 * skipping Prisma's request serialisation, wasm compile (raw statements are compiled on every
 * call, values included) and interpreter: for the payment session's statement that was 2.7–5.2
 * against 1.7–1.9 ms of CPU per call, embedded database included (docs/performance.md). Any
 * other client (a transaction's, or one built elsewhere) gets `$queryRawUnsafe` (the same text
 * and values, still sent apart), so a statement inside
 * a transaction stays in it. Rows come as `pg` parses them, which matches `$queryRaw` only for
 * text, boolean and 4-byte integer columns (cast the others to text in the statement); `Date`
 * and `bigint` values are sent as Prisma sends them (ISO UTC, decimal text).
 */
export async function queryRawDirect<Row>(
  client: PrismaClient | TransactionClient,
  statement: SqlStatement,
): Promise<Row[]> {
  const route = routes.get(client);
  if (!route) return client.$queryRawUnsafe<Row[]>(statement.text, ...statement.values);
  route.beforeStatement?.();
  const result = await route.pool.query(statement.text, toDirectValues(statement.values));
  return result.rows as Row[];
}
