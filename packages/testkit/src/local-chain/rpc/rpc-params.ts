import { PublicKey } from '@solana/web3.js';
import * as z from 'zod';
import type { Commitment } from '../chain/block-clock';
import type { ChainCore } from '../chain/chain-core';
import { RPC_ERROR, RpcError } from './rpc-error';

/** RPC API version reported in every `context`. */
export const API_VERSION = '2.3.0';

const LEGACY_COMMITMENT: Record<string, Commitment> = {
  processed: 'processed',
  recent: 'processed',
  confirmed: 'confirmed',
  single: 'confirmed',
  singleGossip: 'confirmed',
  finalized: 'finalized',
  root: 'finalized',
  max: 'finalized',
};

/** A commitment parameter (legacy names mapped to the current three). */
export const commitmentSchema = z
  .enum(Object.keys(LEGACY_COMMITMENT) as [string, ...string[]])
  .transform((c): Commitment => LEGACY_COMMITMENT[c] ?? 'finalized');

/** A base58 public key parameter. */
export const pubkeySchema = z.string().refine((value) => {
  try {
    return new PublicKey(value).toBase58() === value;
  } catch {
    return false;
  }
}, 'Invalid param: not a valid public key');

/** The common `{ commitment, minContextSlot }` config object. */
export const commitmentConfigSchema = z.object({
  commitment: commitmentSchema.optional(),
  minContextSlot: z.number().int().nonnegative().optional(),
});

/** Account data encodings. */
export const accountEncodingSchema = z.enum([
  'base58',
  'base64',
  'base64+zstd',
  'jsonParsed',
  'binary',
]);

/** Account config (`getAccountInfo` and friends). */
export const accountConfigSchema = commitmentConfigSchema.extend({
  encoding: accountEncodingSchema.optional(),
  dataSlice: z
    .object({ offset: z.number().int().nonnegative(), length: z.number().int().nonnegative() })
    .optional(),
});

/** Parses `params` with `schema` or throws an `Invalid params` JSON-RPC error. */
export function parseParams<S extends z.ZodType>(schema: S, params: unknown): z.output<S> {
  const result = schema.safeParse(params ?? []);
  if (!result.success) {
    throw new RpcError(RPC_ERROR.invalidParams, `Invalid params: ${z.prettifyError(result.error)}`);
  }
  return result.data;
}

/** RPC `context` for a commitment; enforces `minContextSlot`. */
export function contextFor(
  core: ChainCore,
  config?: { commitment?: Commitment | undefined; minContextSlot?: number | undefined } | null,
): { slot: number; apiVersion: string } {
  const slot = core.clock.blockAt(config?.commitment ?? 'finalized').slot;
  if (config?.minContextSlot !== undefined && config.minContextSlot > slot) {
    throw new RpcError(
      RPC_ERROR.minContextSlotNotReached,
      'Minimum context slot has not been reached',
      {
        contextSlot: slot,
      },
    );
  }
  return { slot, apiVersion: API_VERSION };
}
