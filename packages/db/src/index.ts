export * from './generated/prisma/client';
export { createPrismaClient, type CreatePrismaClientOptions } from './client/create-prisma-client';
export { createDatabasePing, type DatabasePing } from './client/create-database-ping';
export { queryPlanCacheStats } from './client/query-plan-cache';
export { queryRawDirect } from './client/query-raw-direct';
export { directSql, type DirectSql } from './client/direct-sql';
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
