import { VersionedMessage } from '@solana/web3.js';
import * as z from 'zod';
import { feeForMessage } from '../../chain/message-fee';
import { RPC_ERROR, RpcError } from '../rpc-error';
import type { RpcMethodDeps, RpcMethods } from '../rpc-method';
import {
  API_VERSION,
  commitmentConfigSchema,
  commitmentSchema,
  contextFor,
  parseParams,
  pubkeySchema,
} from '../rpc-params';

const configOnly = z.tuple([z.union([commitmentConfigSchema, commitmentSchema]).nullish()]);

function normalize(config: z.output<typeof configOnly>[0]) {
  return typeof config === 'string' ? { commitment: config } : (config ?? {});
}

/** Cluster, clock and fee methods. */
export function createClusterMethods({ core }: RpcMethodDeps): RpcMethods {
  const { clock } = core;
  return {
    getLatestBlockhash: (params) => {
      const config = normalize(parseParams(configOnly, params)[0]);
      const context = contextFor(core, config);
      const block = clock.blockAt(config.commitment ?? 'finalized');
      return {
        context,
        value: {
          blockhash: block.blockhash,
          lastValidBlockHeight: block.blockHeight + clock.lifetime,
        },
      };
    },
    isBlockhashValid: (params) => {
      const [blockhash, config] = parseParams(
        z.tuple([z.string(), commitmentConfigSchema.nullish()]),
        params,
      );
      return { context: contextFor(core, config), value: clock.isBlockhashValid(blockhash) };
    },
    getBlockHeight: (params) => {
      const config = normalize(parseParams(configOnly, params)[0]);
      contextFor(core, config);
      return clock.blockAt(config.commitment ?? 'finalized').blockHeight;
    },
    getSlot: (params) => {
      const config = normalize(parseParams(configOnly, params)[0]);
      return contextFor(core, config).slot;
    },
    getBlockTime: (params) => {
      const [slot] = parseParams(z.tuple([z.number().int().nonnegative()]), params);
      const block = clock.block(slot);
      if (!block) throw new RpcError(-32004, `Block not available for slot ${slot}`);
      return block.blockTime;
    },
    getEpochInfo: (params) => {
      const config = normalize(parseParams(configOnly, params)[0]);
      const block = clock.blockAt(config.commitment ?? 'finalized');
      return {
        ...core.epochInfo(),
        absoluteSlot: block.slot,
        blockHeight: block.blockHeight,
        transactionCount: core.ledger.size,
      };
    },
    getEpochSchedule: () => ({
      slotsPerEpoch: 432_000,
      leaderScheduleSlotOffset: 432_000,
      warmup: false,
      firstNormalEpoch: 0,
      firstNormalSlot: 0,
    }),
    getVersion: () => ({ 'solana-core': API_VERSION, 'feature-set': 3_294_202_862 }),
    getGenesisHash: () => clock.genesisHash,
    getHealth: () => 'ok',
    getFirstAvailableBlock: () => 0,
    getMinimumBalanceForRentExemption: (params) => {
      const [size] = parseParams(
        z.tuple([z.number().int().nonnegative(), commitmentConfigSchema.nullish()]),
        params,
      );
      return core.svm.minimumBalance(BigInt(size));
    },
    getFeeForMessage: (params) => {
      const [encoded, config] = parseParams(
        z.tuple([z.string(), commitmentConfigSchema.nullish()]),
        params,
      );
      const context = contextFor(core, config);
      let message: VersionedMessage;
      try {
        message = VersionedMessage.deserialize(Buffer.from(encoded, 'base64'));
      } catch (error) {
        throw new RpcError(RPC_ERROR.invalidParams, `Invalid params: ${(error as Error).message}`);
      }
      const known = clock.isBlockhashValid(message.recentBlockhash);
      return { context, value: known ? feeForMessage(message) : null };
    },
    getRecentPrioritizationFees: (params) => {
      parseParams(z.tuple([z.array(pubkeySchema).max(128).nullish()]), params);
      return [];
    },
  };
}
