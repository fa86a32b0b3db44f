import * as z from 'zod';
import { defineConfigSection } from '../config-section';
import { decodeBase58 } from '@solpay/domain';
import { envField } from '../env-field';
import { parseSecretKey } from '../parse-secret-key';

/** Circle's USDC mint per public cluster (external-specs E.1). */
const CIRCLE_USDC_MINT = {
  devnet: '4zMMC9srt5Ri5X14GAgXhaHii3GnPAEERYPJgZJDncDU',
  'mainnet-beta': 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v',
} as const;

const LOCALNET_NEEDS_MINT = 'is required when SOLANA_CLUSTER is localnet';

/** `SYMBOL=mint` pairs, comma-separated (`EURC=Hzwq…,PYUSD=2b1k…`). */
const mintMap = () =>
  envField.commaList().transform((items, ctx) => {
    const mints: Record<string, string> = {};
    for (const item of items) {
      const [symbol, mint, ...rest] = item.split('=').map((part) => part.trim());
      if (!symbol || !/^[A-Z0-9]{2,10}$/.test(symbol) || !mint || rest.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: 'must be SYMBOL=mint pairs separated by commas',
        });
        return z.NEVER;
      }
      if (decodeBase58(mint)?.length !== 32) {
        ctx.addIssue({
          code: 'custom',
          message: `the mint of ${symbol} must be a base58 public key`,
        });
        return z.NEVER;
      }
      mints[symbol] = mint;
    }
    return mints;
  });

/** A decimal fraction in (0, 1), e.g. `0.005`. */
const fraction = () =>
  z
    .string()
    .regex(/^0\.\d*[1-9]\d*$/, { error: 'must be a decimal fraction between 0 and 1, like 0.005' });

/**
 * The Solana RPC, the settlement mints (USDC default, overrides), the gas keypair, the
 * single-use account secret and the oracle limits.
 */
export const solanaSection = defineConfigSection({
  schema: () =>
    z
      .object({
        SOLANA_RPC_URL: envField.httpUrl(),
        SOLANA_CLUSTER: envField.oneOf(['localnet', 'devnet', 'mainnet-beta']),
        USDC_MINT: envField.publicKey().optional(),
        SOLANA_COMMITMENT: envField.oneOf(['confirmed', 'finalized']).default('finalized'),
        GAS_KEYPAIR: z.string().transform((text, ctx) => {
          const bytes = parseSecretKey(text);
          if (bytes) return bytes;
          ctx.addIssue({
            code: 'custom',
            message: 'must be a base58 64-byte secret key or a JSON array of 64 numbers',
          });
          return z.NEVER;
        }),
        PREVIOUS_GAS_PUBKEYS: envField.publicKeyList().optional(),
        SINGLE_USE_SECRET: envField.secret(32),
        GAS_LOW_BALANCE_LAMPORTS: envField.bigint().default(100_000_000n),
        SETTLEMENT_MINTS: mintMap().optional(),
        PRICE_MAX_AGE_SECONDS: envField.positiveInt().default(60),
        PRICE_MAX_CONFIDENCE: fraction().default('0.005'),
        PYTH_SHARD: z
          .string()
          .regex(/^\d{1,5}$/, { error: 'must be an integer from 0 to 65535' })
          .transform(Number)
          .refine((n) => n <= 65535, { error: 'must be an integer from 0 to 65535' })
          .default(0),
      })
      .transform((env, ctx) => {
        const usdcMint =
          env.USDC_MINT ??
          (env.SOLANA_CLUSTER === 'localnet' ? undefined : CIRCLE_USDC_MINT[env.SOLANA_CLUSTER]);
        if (usdcMint === undefined) {
          ctx.addIssue({ code: 'custom', path: ['USDC_MINT'], message: LOCALNET_NEEDS_MINT });
          return z.NEVER;
        }
        return {
          rpcUrl: env.SOLANA_RPC_URL,
          cluster: env.SOLANA_CLUSTER,
          usdcMint,
          commitment: env.SOLANA_COMMITMENT,
          /** The fee payer's 64-byte secret key. */
          gasKeypair: env.GAS_KEYPAIR,
          /** Former fee payers, still recognised when validating older transactions. */
          previousGasPubkeys: env.PREVIOUS_GAS_PUBKEYS ?? [],
          singleUseSecret: env.SINGLE_USE_SECRET,
          gasLowBalanceLamports: env.GAS_LOW_BALANCE_LAMPORTS,
          /**
           * Mints that replace or add to the settlement-token table on this cluster (symbol → mint):
           * `USDC_MINT` when set, plus `SETTLEMENT_MINTS` (the local chain sets every local mint).
           */
          mintOverrides: {
            ...(env.USDC_MINT ? { USDC: env.USDC_MINT } : {}),
            ...env.SETTLEMENT_MINTS,
          },
          /** Oracle limits (ADR 0008): oldest price in seconds, widest confidence / price. */
          priceLimits: {
            maxAgeSeconds: env.PRICE_MAX_AGE_SECONDS,
            maxConfidenceRatio: env.PRICE_MAX_CONFIDENCE,
          },
          /** Shard of Pyth's price-feed program whose accounts are read. */
          pythShard: env.PYTH_SHARD,
        };
      }),
  crossCheck: (env) =>
    env.SOLANA_CLUSTER === 'localnet' && env.USDC_MINT === undefined
      ? [{ key: 'USDC_MINT', message: LOCALNET_NEEDS_MINT }]
      : [],
});

/** The `solana` configuration section. */
export type SolanaConfig = z.output<typeof solanaSection.schema>;
