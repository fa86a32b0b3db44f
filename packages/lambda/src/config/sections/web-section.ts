import * as z from 'zod';
import { defineConfigSection } from '../config-section';
import { envField } from '../env-field';

/** Public origins of the purple gateway and the two web apps; portal sessions; payment TTL. */
export const webSection = defineConfigSection({
  schema: () =>
    z
      .object({
        PURPLE_ORIGIN: envField.origin(),
        CHECKOUT_ORIGIN: envField.origin(),
        PORTAL_ORIGIN: envField.origin(),
        APP_NAME: envField.string().default('Solana Pay'),
        SESSION_SECRET: envField.secret(32),
        PAYMENT_TTL_MINUTES: envField.positiveInt().default(120),
      })
      .transform((env) => ({
        purpleOrigin: env.PURPLE_ORIGIN,
        checkoutOrigin: env.CHECKOUT_ORIGIN,
        portalOrigin: env.PORTAL_ORIGIN,
        appName: env.APP_NAME,
        sessionSecret: env.SESSION_SECRET,
        paymentTtlMinutes: env.PAYMENT_TTL_MINUTES,
      })),
});

/** The `web` configuration section. */
export type WebConfig = z.output<typeof webSection.schema>;
