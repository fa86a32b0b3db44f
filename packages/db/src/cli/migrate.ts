/**
 * `npm run db:migrate`: applies pending migrations to `DATABASE_URL`, or, when it is unset, to
 * the embedded development database under `.local/pgdata` (started for the run, then closed).
 */
import path from 'node:path';
import { startEmbeddedDatabase } from '../embedded/start-embedded-database';
import { migrateDatabase } from '../migrations/migrate-database';
import { REPO_ROOT } from '../prisma-cli/run-prisma-cli';

async function main(): Promise<void> {
  const configured = process.env.DATABASE_URL;
  const embedded =
    configured === undefined || configured === ''
      ? await startEmbeddedDatabase({ dataDir: path.join(REPO_ROOT, '.local', 'pgdata') })
      : undefined;
  try {
    const { applied } = await migrateDatabase(embedded?.url ?? configured ?? '');
    const target = embedded ? 'embedded database .local/pgdata' : 'DATABASE_URL';
    console.log(
      applied.length === 0
        ? `${target}: already up to date`
        : `${target}: applied ${applied.join(', ')}`,
    );
  } finally {
    await embedded?.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
