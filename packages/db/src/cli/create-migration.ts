/**
 * `npx tsx packages/db/src/cli/create-migration.ts <name>`: writes
 * `prisma/migrations/<UTC timestamp>_<name>/migration.sql` with the SQL that brings the existing
 * migrations up to `prisma/schema.prisma` (what `prisma migrate dev --create-only` would write),
 * offline, using throw-away embedded databases. Review the file before committing it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startEmbeddedDatabase } from '../embedded/start-embedded-database';
import { REPO_ROOT, runPrismaCli } from '../prisma-cli/run-prisma-cli';

function timestamp(now: Date): string {
  return now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

async function main(): Promise<number> {
  const name = process.argv[2];
  if (name === undefined || !/^[a-z0-9_]+$/.test(name)) {
    console.error('usage: create-migration.ts <snake_case_name>');
    return 1;
  }
  const scratch = await startEmbeddedDatabase();
  try {
    const result = await runPrismaCli(
      [
        'migrate',
        'diff',
        '--from-migrations',
        'prisma/migrations',
        '--to-schema-datamodel',
        'prisma/schema.prisma',
        '--script',
      ],
      { env: { ...process.env, DATABASE_URL: scratch.url } },
    );
    if (result.status !== 0) {
      console.error(result.stdout, result.stderr);
      return 1;
    }
    if (!/^\s*[A-Z]/m.test(result.stdout.replace(/^--.*$/gm, ''))) {
      console.log('Schema and migrations already agree; no migration written.');
      return 0;
    }
    const dir = path.join(REPO_ROOT, 'prisma', 'migrations', `${timestamp(new Date())}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'migration.sql'), result.stdout);
    console.log(`Wrote ${path.relative(REPO_ROOT, dir)}/migration.sql`);
    return 0;
  } finally {
    await scratch.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
