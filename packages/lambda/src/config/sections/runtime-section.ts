import * as z from 'zod';
import { LOG_LEVELS } from '../../logging/log-level';
import { defineConfigSection } from '../config-section';
import { envField } from '../env-field';

/** Deployment stage, logging and error reporting. Every key has a default. */
export const runtimeSection = defineConfigSection({
  schema: () =>
    z
      .object({
        STAGE: envField.oneOf(['local', 'dev', 'prod']).default('local'),
        LOG_LEVEL: envField.oneOf(LOG_LEVELS).default('info'),
        SENTRY_DSN: envField.httpUrl().optional(),
        SERVICE_NAME: envField.string().default('solana-pay-shopify'),
      })
      .transform((env) => ({
        stage: env.STAGE,
        logLevel: env.LOG_LEVEL,
        /** Unset or empty disables Sentry. */
        sentryDsn: env.SENTRY_DSN,
        serviceName: env.SERVICE_NAME,
      })),
});

/** The `runtime` configuration section. */
export type RuntimeConfig = z.output<typeof runtimeSection.schema>;
