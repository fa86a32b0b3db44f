import * as z from 'zod';
import { defineConfigSection } from '../config-section';
import { envField } from '../env-field';

/** The shared secret Helius sends with each webhook delivery. */
export const heliusSection = defineConfigSection({
  schema: () =>
    z
      .object({ HELIUS_WEBHOOK_SECRET: envField.secret(16) })
      .transform((env) => ({ webhookSecret: env.HELIUS_WEBHOOK_SECRET })),
});

/** The `helius` configuration section. */
export type HeliusConfig = z.output<typeof heliusSection.schema>;
