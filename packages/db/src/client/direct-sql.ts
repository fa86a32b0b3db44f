import pg from 'pg';
import type { PrismaClient } from '../generated/prisma/client';
import type { SqlStatement } from '../sql/sql';
import type { TransactionClient } from './database-client';
import { directRouteOf, toDirectValues } from './query-raw-direct';

/**
 * SQL statements to PostgreSQL without Prisma's query compiler and interpreter: over the `pg`
 * pool of a client built by `createPrismaClient`, behind its `beforeStatement` guard (see
 * {@link directSql}). Rows come back as `pg` parses them, with `timestamp` columns as UTC `Date`s
 * like Prisma's; cast `bigint` and `numeric` columns to text and parse them at the boundary.
 */
export interface DirectSql {
  /** Sends one statement and returns its rows (none for a statement without `RETURNING`). */
  query(statement: SqlStatement): Promise<unknown[]>;
  /**
   * Runs `work` in one transaction: `BEGIN` … `COMMIT` on one pooled connection, `ROLLBACK`
   * when `work` or a statement throws. Inside a transaction, `work` joins it (no nesting).
   */
  transaction<T>(work: (sql: DirectSql) => Promise<T>): Promise<T>;
}

/**
 * `pg`'s own parser reads `timestamp` (without time zone, Prisma's `DateTime`) in the process's
 * local time zone; Prisma reads it as UTC. Same text format as `timestamptz` minus the offset.
 */
function parseUtcTimestamp(text: string): Date {
  return new Date(`${text.replace(' ', 'T')}Z`);
}

const TIMESTAMP_OID = 1114;

/** Per-query type parsers: `pg`'s defaults except `timestamp`, read as UTC. */
const directTypes = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMP_OID && format !== 'binary'
      ? parseUtcTimestamp
      : pg.types.getTypeParser(oid, format ?? 'text'),
} as pg.CustomTypesConfig;

/** The parsed-rows query config for one statement. */
function queryConfig(statement: SqlStatement): pg.QueryConfig {
  return { text: statement.text, values: toDirectValues(statement.values), types: directTypes };
}

/** Statements on one checked-out connection inside `BEGIN`, each behind the guard. */
function inTransaction(connection: pg.PoolClient, before: (() => void) | undefined): DirectSql {
  const sql: DirectSql = {
    async query(statement) {
      before?.();
      return (await connection.query(queryConfig(statement))).rows as unknown[];
    },
    transaction: (work) => work(sql),
  };
  return sql;
}

/** Statements through Prisma: a client without a `pg` route, or a Prisma transaction's client. */
function throughPrisma(client: PrismaClient | TransactionClient): DirectSql {
  const sql: DirectSql = {
    query: (statement) => client.$queryRawUnsafe<unknown[]>(statement.text, ...statement.values),
    transaction: (work) =>
      '$transaction' in client
        ? client.$transaction((tx) => work(throughPrisma(tx)))
        : // Already inside Prisma's transaction: join it.
          work(sql),
  };
  return sql;
}

/**
 * The {@link DirectSql} of `client`. On a client built by `createPrismaClient`, statements go
 * over that client's `pg` pool and each one — and each transaction's start and commit — runs
 * the client's `beforeStatement` guard first, as Prisma's guarded adapter does: a refusal sends
 * nothing (inside a transaction, the transaction is rolled back; `ROLLBACK` itself is never
 * refused). A transaction checks out one connection and always gives it back: released after
 * `COMMIT` or `ROLLBACK`, destroyed if the `ROLLBACK` fails. Any other client (a Prisma
 * transaction's, or one built elsewhere) goes through `$queryRawUnsafe` and `$transaction`, so a
 * store handed a transaction client stays inside that transaction.
 */
export function directSql(client: PrismaClient | TransactionClient): DirectSql {
  const route = directRouteOf(client);
  if (!route) return throughPrisma(client);
  const before = route.beforeStatement;
  return {
    async query(statement) {
      before?.();
      return (await route.pool.query(queryConfig(statement))).rows as unknown[];
    },
    async transaction(work) {
      before?.();
      const connection = await route.pool.connect();
      let broken: Error | undefined;
      try {
        try {
          await connection.query('BEGIN');
          const result = await work(inTransaction(connection, before));
          before?.();
          await connection.query('COMMIT');
          return result;
        } catch (error) {
          await connection.query('ROLLBACK').catch((rollbackError: unknown) => {
            broken =
              rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
          });
          throw error;
        }
      } finally {
        // A connection whose ROLLBACK failed may still be inside the transaction: destroy it.
        connection.release(broken);
      }
    },
  };
}
