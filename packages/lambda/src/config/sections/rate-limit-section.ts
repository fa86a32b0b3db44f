import * as z from 'zod';
import { defineConfigSection } from '../config-section';
import { envField } from '../env-field';

/** Per-IP default on AWS: ample for wallets (2 requests per payment) behind a shared NAT. */
const TX_PER_IP_DEFAULT = 120;

/**
 * Per-IP default of the local stack, where every client (tests, `npm run bench` with 50
 * concurrent clients against many records) comes from 127.0.0.1: effectively no per-IP limit.
 */
const TX_PER_IP_LOCAL_DEFAULT = 100_000;

/**
 * Budgets (requests per minute, fixed windows shared by all instances through PostgreSQL) of the
 * public purple routes: transaction requests per source IP and per record, and Helius webhook
 * deliveries (one budget). The per-IP default depends on `STAGE`: 120 on AWS, 100000 locally.
 */
export const rateLimitSection = defineConfigSection({
  schema: () =>
    z
      .object({
        STAGE: envField.oneOf(['local', 'dev', 'prod']).default('local'),
        TX_RATE_LIMIT_PER_IP: envField.positiveInt().optional(),
        TX_RATE_LIMIT_PER_RECORD: envField.positiveInt().default(30),
        HELIUS_RATE_LIMIT: envField.positiveInt().default(600),
      })
      .transform((env) => ({
        transactionRequestsPerIpPerMinute:
          env.TX_RATE_LIMIT_PER_IP ??
          (env.STAGE === 'local' ? TX_PER_IP_LOCAL_DEFAULT : TX_PER_IP_DEFAULT),
        transactionRequestsPerRecordPerMinute: env.TX_RATE_LIMIT_PER_RECORD,
        heliusWebhooksPerMinute: env.HELIUS_RATE_LIMIT,
      })),
});

/** The `rateLimits` configuration section. */
export type RateLimitConfig = z.output<typeof rateLimitSection.schema>;
