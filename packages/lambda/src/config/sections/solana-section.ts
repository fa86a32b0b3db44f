import { z } from 'zod';
import { defineConfigSection } from '../config-section';
import { envField } from '../env-field';
import { parseSecretKey } from '../parse-secret-key';

/** Circle's USDC mint per public cluster (external-specs E.1). */
const CIRCLE_USDC_MINT = {
  devnet: '4zMMC9srt5Ri5X14GAgXhaHii3GnPAEERYPJgZJDncDU',
  'mainnet-beta': 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v',
} as const;

const LOCALNET_NEEDS_MINT = 'is required when SOLANA_CLUSTER is localnet';

/** The Solana RPC, the USDC mint, the gas keypair and the single-use account secret. */
export const solanaSection = defineConfigSection({
  schema: z
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
      };
    }),
  crossCheck: (env) =>
    env.SOLANA_CLUSTER === 'localnet' && env.USDC_MINT === undefined
      ? [{ key: 'USDC_MINT', message: LOCALNET_NEEDS_MINT }]
      : [],
});

/** The `solana` configuration section. */
export type SolanaConfig = z.output<typeof solanaSection.schema>;
