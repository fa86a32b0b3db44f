import * as z from 'zod';
import { defineConfigSection } from '../config-section';
import { envField } from '../env-field';

/** The Shopify app credentials, API version and where Admin/OAuth calls go. */
export const shopifySection = defineConfigSection({
  schema: () =>
    z
      .object({
        SHOPIFY_API_KEY: envField.secret(),
        SHOPIFY_API_SECRET: envField.secret(),
        SHOPIFY_API_VERSION: envField
          .string()
          .regex(/^\d{4}-\d{2}$/, { error: 'must look like YYYY-MM' })
          .default('2026-10'),
        SHOPIFY_ADMIN_ORIGIN: envField.origin().optional(),
        SHOPIFY_SCOPES: envField
          .list()
          .default(['write_payment_gateways', 'write_payment_sessions']),
        SHOPIFY_HTTP_TIMEOUT_MS: envField.positiveInt().default(10_000),
        TOKEN_ENCRYPTION_KEY: envField.base64Bytes(32),
      })
      .transform((env) => ({
        apiKey: env.SHOPIFY_API_KEY,
        apiSecret: env.SHOPIFY_API_SECRET,
        apiVersion: env.SHOPIFY_API_VERSION,
        /** When set, Admin, OAuth and Payments Apps calls go here instead of `https://{shop}`. */
        adminOrigin: env.SHOPIFY_ADMIN_ORIGIN,
        scopes: env.SHOPIFY_SCOPES,
        httpTimeoutMs: env.SHOPIFY_HTTP_TIMEOUT_MS,
        /** 32-byte key encrypting stored shop access tokens. */
        tokenEncryptionKey: env.TOKEN_ENCRYPTION_KEY,
      })),
});

/** The `shopify` configuration section. */
export type ShopifyConfig = z.output<typeof shopifySection.schema>;
