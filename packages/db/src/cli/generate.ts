/**
 * `npm run db:generate`: runs `prisma generate` offline (see `runPrismaCli`).
 */
import { runPrismaCli } from '../prisma-cli/run-prisma-cli';

runPrismaCli(['generate'], { env: process.env, output: 'inherit' }).then(
  (result) => process.exit(result.status ?? 1),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
