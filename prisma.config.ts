import { defineConfig } from 'prisma/config';
import { MigrationAdapter } from './packages/db/src/migrations/migration-adapter';

/**
 * Prisma CLI configuration. `engine: 'js'` runs the schema engine as WebAssembly through a
 * driver adapter, so `migrate dev/deploy/status/diff` work offline (the native schema engine is a
 * download). Run the CLI through `packages/db/src/cli/*` (or with `PRISMA_SCHEMA_ENGINE_BINARY`
 * and `PRISMA_QUERY_ENGINE_LIBRARY` set to any existing file) so it does not try to fetch
 * engines it never uses. The shadow database is always a throw-away embedded PGlite.
 */
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  async adapter() {
    return new MigrationAdapter(
      process.env.DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/postgres',
    );
  },
});
