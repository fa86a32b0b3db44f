import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';
import { guardDriverAdapter } from './guard-driver-adapter';
import { installQueryPlanCache } from './query-plan-cache';

/** Options of {@link createPrismaClient}. */
export interface CreatePrismaClientOptions {
  /** Maximum pooled connections (`pg` default 10). Keep it small in Lambda (1–2 per instance). */
  poolSize?: number;
  /**
   * Runs before every statement, transaction start and commit; throwing refuses it (the local
   * runtime uses this to stop an invocation that passed its timeout from writing).
   */
  beforeStatement?: () => void;
}

/**
 * Creates a Prisma client on `url` through `@prisma/adapter-pg`: the same driver path for the
 * embedded database (PGlite over TCP) and real PostgreSQL (RDS, CI). Identical read requests reuse
 * their query plan (see {@link installQueryPlanCache}). Call `$disconnect()` when done.
 */
export function createPrismaClient(
  url: string,
  options: CreatePrismaClientOptions = {},
): PrismaClient {
  const pg = new PrismaPg({
    connectionString: url,
    ...(options.poolSize === undefined ? {} : { max: options.poolSize }),
  });
  installQueryPlanCache();
  const adapter = options.beforeStatement ? guardDriverAdapter(pg, options.beforeStatement) : pg;
  // Interactive transactions wait for a connection up to `maxWait`: on the embedded database
  // every transaction runs alone (PGlite has one session), so bursts queue; give them room
  // instead of failing at Prisma's 2 s default.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 15_000 } });
}
