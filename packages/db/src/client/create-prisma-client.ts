import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import { guardDriverAdapter } from './guard-driver-adapter';
import { installQueryPlanCache } from './query-plan-cache';
import { registerDirectRoute } from './query-raw-direct';

/** Options of {@link createPrismaClient}. */
export interface CreatePrismaClientOptions {
  /** Maximum pooled connections (`pg` default 10). Keep it small in Lambda (1–2 per instance). */
  poolSize?: number;
  /**
   * Runs before every statement, transaction start and commit; throwing refuses it (the local
   * runtime uses this to stop an invocation that passed its timeout from writing).
   */
  beforeStatement?: () => void;
  /**
   * Opens one pooled connection at once instead of at the first query (a Lambda's cold start).
   * Prisma's first query loads its query compiler first and only then connects; started here,
   * the connection's round trips (TCP, TLS, authentication) overlap that load. A failure is
   * left to the first query, which connects again and reports it.
   */
  connectEarly?: boolean;
}

/**
 * Creates a Prisma client on `url` through `@prisma/adapter-pg`: the same driver path for the
 * embedded database (PGlite over TCP) and real PostgreSQL (RDS, CI). Identical read requests reuse
 * their query plan (see {@link installQueryPlanCache}); `queryRawDirect` sends a raw statement
 * over the same pool without Prisma. Call `$disconnect()` when done (it ends the pool).
 */
export function createPrismaClient(
  url: string,
  options: CreatePrismaClientOptions = {},
): PrismaClient {
  const pool = new pg.Pool({
    connectionString: url,
    ...(options.poolSize === undefined ? {} : { max: options.poolSize }),
  });
  // An idle connection that breaks is dropped by the pool and replaced at the next query (the
  // adapter listens the same way once connected); without a listener it would crash the process.
  pool.on('error', () => undefined);
  if (options.connectEarly) {
    pool.connect().then(
      (client) => client.release(),
      () => undefined,
    );
  }
  const factory = new PrismaPg(pool, { disposeExternalPool: true });
  installQueryPlanCache();
  const adapter = options.beforeStatement
    ? guardDriverAdapter(factory, options.beforeStatement)
    : factory;
  // Interactive transactions wait for a connection up to `maxWait`: on the embedded database
  // every transaction runs alone (PGlite has one session), so bursts queue; give them room
  // instead of failing at Prisma's 2 s default.
  const client = new PrismaClient({
    adapter,
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
  registerDirectRoute(client, {
    pool,
    ...(options.beforeStatement ? { beforeStatement: options.beforeStatement } : {}),
  });
  return client;
}
