import * as z from 'zod';
import { defineConfigSection } from '../config-section';
import { envField } from '../env-field';

/** The PostgreSQL connection. */
export const databaseSection = defineConfigSection({
  schema: () =>
    z
      .object({ DATABASE_URL: envField.postgresUrl() })
      .transform((env) => ({ url: env.DATABASE_URL })),
});

/** The `database` configuration section. */
export type DatabaseConfig = z.output<typeof databaseSection.schema>;
