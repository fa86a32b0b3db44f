import { PublicKey } from '@solana/web3.js';
import * as z from 'zod';
import { decodeBase58 } from '../../chain/base58';
import type { AccountState } from '../../chain/svm-runtime';
import { encodeAccount } from '../encode-account';
import { RPC_ERROR, RpcError } from '../rpc-error';
import type { RpcMethodDeps, RpcMethods } from '../rpc-method';
import {
  accountConfigSchema,
  commitmentConfigSchema,
  commitmentSchema,
  contextFor,
  parseParams,
  pubkeySchema,
} from '../rpc-params';

const programAccountsConfig = accountConfigSchema.extend({
  withContext: z.boolean().optional(),
  filters: z
    .array(
      z.union([
        z.object({ dataSize: z.number().int().nonnegative() }),
        z.object({
          memcmp: z.object({
            offset: z.number().int().nonnegative(),
            bytes: z.string(),
            encoding: z.enum(['base58', 'base64']).optional(),
          }),
        }),
      ]),
    )
    .optional(),
});

/** Account, balance and airdrop methods. */
export function createAccountMethods({ core, faucet }: RpcMethodDeps): RpcMethods {
  const read = (key: string): AccountState | null => core.svm.getAccount(key);
  return {
    getAccountInfo: (params) => {
      const [key, config] = parseParams(
        z.tuple([pubkeySchema, accountConfigSchema.nullish()]),
        params,
      );
      const context = contextFor(core, config);
      const account = read(key);
      return {
        context,
        value: account
          ? encodeAccount(account, config?.encoding ?? 'binary', read, config?.dataSlice)
          : null,
      };
    },
    getMultipleAccounts: (params) => {
      const [keys, config] = parseParams(
        z.tuple([z.array(pubkeySchema).max(100), accountConfigSchema.nullish()]),
        params,
      );
      const context = contextFor(core, config);
      return {
        context,
        value: keys.map((key) => {
          const account = read(key);
          return account
            ? encodeAccount(account, config?.encoding ?? 'base64', read, config?.dataSlice)
            : null;
        }),
      };
    },
    getBalance: (params) => {
      const [key, config] = parseParams(
        z.tuple([pubkeySchema, z.union([commitmentConfigSchema, commitmentSchema]).nullish()]),
        params,
      );
      const context = contextFor(
        core,
        typeof config === 'string' ? { commitment: config } : config,
      );
      return { context, value: core.svm.lamportsOf(key) };
    },
    getProgramAccounts: (params) => {
      const [programId, config] = parseParams(
        z.tuple([pubkeySchema, programAccountsConfig.nullish()]),
        params,
      );
      const matches = core.svm.programAccounts(programId).filter((account) =>
        (config?.filters ?? []).every((filter) => {
          if ('dataSize' in filter) return account.data.length === filter.dataSize;
          const { offset, bytes, encoding } = filter.memcmp;
          const wanted =
            encoding === 'base64' ? Buffer.from(bytes, 'base64') : Buffer.from(decodeBase58(bytes));
          return Buffer.from(account.data.subarray(offset, offset + wanted.length)).equals(wanted);
        }),
      );
      const value = matches.map((account) => ({
        pubkey: account.address,
        account: encodeAccount(account, config?.encoding ?? 'binary', read, config?.dataSlice),
      }));
      return config?.withContext ? { context: contextFor(core, config), value } : value;
    },
    requestAirdrop: (params) => {
      const [key, lamports] = parseParams(
        z.tuple([pubkeySchema, z.number().int().positive(), z.unknown().optional()]),
        params,
      );
      try {
        return faucet.airdrop(new PublicKey(key), BigInt(lamports));
      } catch (error) {
        throw new RpcError(RPC_ERROR.internal, (error as Error).message);
      }
    },
  };
}
