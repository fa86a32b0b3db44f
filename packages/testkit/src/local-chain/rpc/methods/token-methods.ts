import { TOKEN_2022_PROGRAM_ID, TOKEN_PROGRAM_ID } from '@solana/spl-token';
import * as z from 'zod';
import type { AccountState } from '../../chain/svm-runtime';
import { decodeMint, decodeTokenAccount, toUiTokenAmount } from '../../chain/token-layout';
import { encodeAccount } from '../encode-account';
import { RPC_ERROR, RpcError } from '../rpc-error';
import type { RpcMethodDeps, RpcMethods } from '../rpc-method';
import {
  accountConfigSchema,
  commitmentConfigSchema,
  contextFor,
  parseParams,
  pubkeySchema,
} from '../rpc-params';

const ownerFilter = z.union([
  z.object({ mint: pubkeySchema }),
  z.object({ programId: pubkeySchema }),
]);

/** SPL token read methods. */
export function createTokenMethods({ core }: RpcMethodDeps): RpcMethods {
  const read = (key: string): AccountState | null => core.svm.getAccount(key);
  const decimalsOf = (mintKey: string): number | null => {
    const account = read(mintKey);
    return account ? (decodeMint(account.owner, account.data)?.decimals ?? null) : null;
  };
  return {
    getTokenAccountBalance: (params) => {
      const [key, config] = parseParams(
        z.tuple([pubkeySchema, commitmentConfigSchema.nullish()]),
        params,
      );
      const context = contextFor(core, config);
      const account = read(key);
      const token = account ? decodeTokenAccount(account.owner, account.data) : null;
      if (!token) {
        throw new RpcError(RPC_ERROR.invalidParams, 'Invalid param: not a Token account');
      }
      const decimals = decimalsOf(token.mint);
      if (decimals === null)
        throw new RpcError(RPC_ERROR.invalidParams, 'Invalid param: mint could not be unpacked');
      return { context, value: toUiTokenAmount(token.amount, decimals) };
    },
    getTokenSupply: (params) => {
      const [key, config] = parseParams(
        z.tuple([pubkeySchema, commitmentConfigSchema.nullish()]),
        params,
      );
      const context = contextFor(core, config);
      const account = read(key);
      const mint = account ? decodeMint(account.owner, account.data) : null;
      if (!mint) throw new RpcError(RPC_ERROR.invalidParams, 'Invalid param: not a Token mint');
      return { context, value: toUiTokenAmount(mint.supply, mint.decimals) };
    },
    getTokenAccountsByOwner: (params) => {
      const [owner, filter, config] = parseParams(
        z.tuple([pubkeySchema, ownerFilter, accountConfigSchema.nullish()]),
        params,
      );
      const context = contextFor(core, config);
      const programs =
        'programId' in filter
          ? [filter.programId]
          : [TOKEN_PROGRAM_ID.toBase58(), TOKEN_2022_PROGRAM_ID.toBase58()];
      const value = programs
        .flatMap((program) => core.svm.programAccounts(program))
        .filter((account) => {
          const token = decodeTokenAccount(account.owner, account.data);
          return (
            token !== null &&
            token.owner === owner &&
            (!('mint' in filter) || token.mint === filter.mint)
          );
        })
        .map((account) => ({
          pubkey: account.address,
          account: encodeAccount(account, config?.encoding ?? 'binary', read, config?.dataSlice),
        }));
      return { context, value };
    },
  };
}
