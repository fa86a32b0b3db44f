import type * as z from 'zod';
import { TOKEN_2022_PROGRAM_ID } from '@solana/spl-token';
import { encodeBase58 } from '../chain/base58';
import type { AccountState } from '../chain/svm-runtime';
import { decodeMint, decodeTokenAccount, toUiTokenAmount } from '../chain/token-layout';
import { RPC_ERROR, RpcError } from './rpc-error';
import type { accountEncodingSchema } from './rpc-params';

/** Account data encodings accepted by the chain. */
export type AccountEncoding = z.output<typeof accountEncodingSchema>;

/** rent_epoch of rent-exempt accounts on current clusters (u64::MAX). */
const RENT_EXEMPT_EPOCH = 18_446_744_073_709_551_615n;

function tokenProgramName(owner: string): string {
  return owner === TOKEN_2022_PROGRAM_ID.toBase58() ? 'spl-token-2022' : 'spl-token';
}

function parsedData(
  account: AccountState,
  read: (key: string) => AccountState | null,
): { program: string; parsed: unknown; space: number } | null {
  const token = decodeTokenAccount(account.owner, account.data);
  if (token) {
    const mintAccount = read(token.mint);
    const mint = mintAccount ? decodeMint(mintAccount.owner, mintAccount.data) : null;
    if (!mint) return null;
    const info: Record<string, unknown> = {
      isNative: token.isNative !== null,
      mint: token.mint,
      owner: token.owner,
      state: token.state === 2 ? 'frozen' : 'initialized',
      tokenAmount: toUiTokenAmount(token.amount, mint.decimals),
    };
    if (token.delegate) {
      info.delegate = token.delegate;
      info.delegatedAmount = toUiTokenAmount(token.delegatedAmount, mint.decimals);
    }
    if (token.closeAuthority) info.closeAuthority = token.closeAuthority;
    return {
      program: tokenProgramName(account.owner),
      parsed: { info, type: 'account' },
      space: account.data.length,
    };
  }
  const mint = decodeMint(account.owner, account.data);
  if (mint) {
    return {
      program: tokenProgramName(account.owner),
      parsed: {
        info: {
          decimals: mint.decimals,
          freezeAuthority: mint.freezeAuthority,
          isInitialized: mint.isInitialized,
          mintAuthority: mint.mintAuthority,
          supply: mint.supply.toString(),
        },
        type: 'mint',
      },
      space: account.data.length,
    };
  }
  return null;
}

/** Encodes an account the way RPC nodes do for `encoding` (and optional `dataSlice`). */
export function encodeAccount(
  account: AccountState,
  encoding: AccountEncoding,
  read: (key: string) => AccountState | null,
  dataSlice?: { offset: number; length: number },
): Record<string, unknown> {
  const base = {
    executable: account.executable,
    lamports: account.lamports,
    owner: account.owner,
    rentEpoch: RENT_EXEMPT_EPOCH,
    space: account.data.length,
  };
  const bytes = dataSlice
    ? account.data.subarray(dataSlice.offset, dataSlice.offset + dataSlice.length)
    : account.data;
  switch (encoding) {
    case 'jsonParsed': {
      const parsed = dataSlice ? null : parsedData(account, read);
      return { ...base, data: parsed ?? [Buffer.from(bytes).toString('base64'), 'base64'] };
    }
    case 'base64':
      return { ...base, data: [Buffer.from(bytes).toString('base64'), 'base64'] };
    case 'base58':
      return { ...base, data: [encodeBase58(bytes), 'base58'] };
    case 'binary':
      return { ...base, data: encodeBase58(bytes) };
    default:
      throw new RpcError(
        RPC_ERROR.invalidParams,
        `Invalid params: unsupported encoding ${encoding}`,
      );
  }
}
