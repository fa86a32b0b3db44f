import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { Prisma, PrismaClient } from '../generated/prisma/client';
import { guardDriverAdapter } from './guard-driver-adapter';
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
 * Prisma's runtime and the plan cache (./prisma-runtime), loaded the first time a
 * client needs them: about 200 KB of code that Node would otherwise compile and run at every
 * cold start, for functions whose requests only send `directSql` statements (ADR 0014, 0019).
 */
function loadPrismaRuntime(): typeof import('./prisma-runtime') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  return require('./prisma-runtime') as typeof import('./prisma-runtime');
}

/**
 * Prisma's `DbNull` (SQL `NULL` in a `Json` column, where `null` means JSON null), from the same
 * runtime as the clients `createPrismaClient` builds: the ORM recognises it by class.
 */
export function prismaDbNull(): typeof Prisma.DbNull {
  return loadPrismaRuntime().Prisma.DbNull;
}

/**
 * Creates a Prisma client on `url` through `@prisma/adapter-pg`: the same driver path for the
 * embedded database (PGlite over TCP) and real PostgreSQL (RDS, CI). Identical read requests reuse
 * their query plan (see `installQueryPlanCache`); `queryRawDirect` and `directSql` send
 * statements over the same pool without Prisma. The pool exists at once; Prisma itself is loaded
 * and built at the first use of the client (a model, `$transaction`, `$queryRaw`…), so a process
 * that only sends `directSql` statements never loads it. Call `$disconnect()` when done (it ends
 * the pool, built or not).
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
  let built: PrismaClient | undefined;
  const build = (): PrismaClient => {
    if (built) return built;
    const { PrismaClient, installQueryPlanCache } = loadPrismaRuntime();
    const factory = new PrismaPg(pool, { disposeExternalPool: true });
    installQueryPlanCache();
    const adapter = options.beforeStatement
      ? guardDriverAdapter(factory, options.beforeStatement)
      : factory;
    // Interactive transactions wait for a connection up to `maxWait`: on the embedded database
    // every transaction runs alone (PGlite has one session), so bursts queue; give them room
    // instead of failing at Prisma's 2 s default.
    built = new PrismaClient({
      adapter,
      transactionOptions: { maxWait: 10_000, timeout: 15_000 },
    });
    return built;
  };
  const disconnect = async (): Promise<void> => {
    if (built) await built.$disconnect();
    else if (!pool.ended) await pool.end();
  };
  const client = new Proxy({} as PrismaClient, {
    get(_target, key) {
      if (key === '$disconnect') return disconnect;
      // Thenable checks (`await client`, jest's matchers) must not load Prisma.
      if (key === 'then') return undefined;
      const prisma = build();
      const value: unknown = Reflect.get(prisma, key, prisma);
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(prisma)
        : value;
    },
    has: (_target, key) => key === '$disconnect' || Reflect.has(build(), key),
  });
  registerDirectRoute(client, {
    pool,
    ...(options.beforeStatement ? { beforeStatement: options.beforeStatement } : {}),
  });
  return client;
}
