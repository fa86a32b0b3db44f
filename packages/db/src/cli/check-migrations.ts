/**
 * `npm run db:diff`: proves that `prisma/migrations` and `prisma/schema.prisma` describe the same
 * database. Replays the migrations on a throw-away embedded database (the shadow database of
 * `prisma.config.ts`) and diffs the result against the schema. Exits 0 when they agree, 2 with
 * the differences and the SQL of the missing migration printed when they do not, 1 on error.
 * Works offline; `DATABASE_URL` is not needed (the CLI's main connection is a throw-away too).
 * `--schema <file>` and `--migrations <dir>` (relative to the repository root) override the inputs.
 */
import { startEmbeddedDatabase } from '../embedded/start-embedded-database';
import { runPrismaCli } from '../prisma-cli/run-prisma-cli';

function option(flag: string, fallback: string): string {
  const index = process.argv.indexOf(flag);
  return (index >= 0 ? process.argv[index + 1] : undefined) ?? fallback;
}

const DIFF = [
  'migrate',
  'diff',
  '--from-migrations',
  option('--migrations', 'prisma/migrations'),
  '--to-schema-datamodel',
  option('--schema', 'prisma/schema.prisma'),
];

async function main(): Promise<number> {
  const scratch = await startEmbeddedDatabase();
  try {
    const env = { ...process.env, DATABASE_URL: scratch.url };
    const check = await runPrismaCli([...DIFF, '--exit-code'], { env });
    if (check.status === 0) {
      console.log('prisma/migrations and prisma/schema.prisma agree.');
      return 0;
    }
    if (check.status !== 2) {
      console.error(check.stdout, check.stderr);
      console.error(`prisma migrate diff failed (exit ${check.status})`);
      return 1;
    }
    console.error('prisma/migrations and prisma/schema.prisma DISAGREE:');
    console.error(check.stdout.trim());
    const script = await runPrismaCli([...DIFF, '--script'], { env });
    console.error(
      '\nSQL a new migration needs (npx tsx packages/db/src/cli/create-migration.ts <name>):',
    );
    console.error(script.status === 0 ? script.stdout.trim() : script.stderr.trim());
    return 2;
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
