import * as z from 'zod';
import { defineConfigSection } from '../config-section';
import { envField } from '../env-field';

/** Added latency per call of each kind, in milliseconds. */
export interface LatencyProfile {
  /** Each Solana JSON-RPC request (a hosted RPC such as Helius from us-east-1: ~50 ms). */
  rpcMs: number;
  /** Each Shopify Admin / Payments Apps GraphQL call (~150 ms measured from AWS). */
  shopifyMs: number;
  /** Each database round trip (RDS in the same availability zone: ~1 ms). */
  databaseMs: number;
  /** Each wallet screening call (a TRM-style HTTP API: ~100 ms). */
  screeningMs: number;
}

/**
 * The latency profiles of the local stack (DESIGN §3.8): `local` adds nothing; `production`
 * adds what a Lambda in us-east-1 waits for each call.
 */
export const LATENCY_PROFILES = {
  local: { rpcMs: 0, shopifyMs: 0, databaseMs: 0, screeningMs: 0 },
  production: { rpcMs: 50, shopifyMs: 150, databaseMs: 1, screeningMs: 100 },
} as const satisfies Record<string, LatencyProfile>;

/**
 * Local stack only: which latency profile it simulates (each component's latency can be set on
 * its own, over the profile's: e.g. `LOCAL_RPC_LATENCY_MS=50` alone delays only the RPC) and how
 * fast its chain finalizes.
 */
export const localProfileSection = defineConfigSection({
  schema: () =>
    z
      .object({
        LOCAL_PROFILE: envField.oneOf(['local', 'production']).default('local'),
        LOCAL_FINALITY_MS: envField.positiveInt().optional(),
        LOCAL_RPC_LATENCY_MS: envField.nonNegativeInt().optional(),
        LOCAL_SHOPIFY_LATENCY_MS: envField.nonNegativeInt().optional(),
        LOCAL_DATABASE_LATENCY_MS: envField.nonNegativeInt().optional(),
        LOCAL_SCREENING_LATENCY_MS: envField.nonNegativeInt().optional(),
      })
      .transform((env) => {
        const profile: LatencyProfile = LATENCY_PROFILES[env.LOCAL_PROFILE];
        return {
          profile: env.LOCAL_PROFILE,
          latency: {
            rpcMs: env.LOCAL_RPC_LATENCY_MS ?? profile.rpcMs,
            shopifyMs: env.LOCAL_SHOPIFY_LATENCY_MS ?? profile.shopifyMs,
            databaseMs: env.LOCAL_DATABASE_LATENCY_MS ?? profile.databaseMs,
            screeningMs: env.LOCAL_SCREENING_LATENCY_MS ?? profile.screeningMs,
          } satisfies LatencyProfile,
          /** Time from landing to `finalized` on the local chain; unset = the chain's default. */
          finalityMs: env.LOCAL_FINALITY_MS,
        };
      }),
});

/** The `localProfile` configuration section. */
export type LocalProfileConfig = z.output<typeof localProfileSection.schema>;
