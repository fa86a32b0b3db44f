// Types only, and the enums from their own module: a value re-exported from the generated client
// would bundle a second Prisma runtime beside the one createPrismaClient loads on first use
// (`prismaDbNull` gives the one value the stores need from it).
export type * from './generated/prisma/client';
export * from './generated/prisma/enums';
export {
  createPrismaClient,
  prismaDbNull,
  type CreatePrismaClientOptions,
} from './client/create-prisma-client';
export { createDatabasePing, type DatabasePing } from './client/create-database-ping';
export { queryPlanCacheStats } from './client/query-plan-cache';
export { queryRawDirect } from './client/query-raw-direct';
export { directSql, type DirectSql } from './client/direct-sql';
export { emptySql, joinSql, rawSql, Sql, sql, type SqlStatement } from './sql/sql';
export { jsonbSql } from './sql/jsonb-sql';
export type { DatabaseClient, TransactionClient } from './client/database-client';
export {
  startEmbeddedDatabase,
  type EmbeddedDatabase,
  type EmbeddedDatabaseOptions,
} from './embedded/start-embedded-database';
export {
  migrateDatabase,
  type MigrateOptions,
  type MigrateResult,
} from './migrations/migrate-database';
export {
  DEFAULT_MIGRATIONS_DIR,
  readMigrations,
  type Migration,
} from './migrations/read-migrations';
export {
  createTestDatabase,
  testDatabaseTargets,
  type TestDatabase,
  type TestDatabaseOptions,
  type TestDatabaseTarget,
} from './testing/test-database';
export { findTextInDatabase, type TextHit, type TextNeedle } from './testing/find-text-in-database';
