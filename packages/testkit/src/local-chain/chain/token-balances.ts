import type { AccountState } from './svm-runtime';
import {
  decodeMint,
  decodeTokenAccount,
  toUiTokenAmount,
  type UiTokenAmount,
} from './token-layout';

/** One entry of `meta.preTokenBalances` / `meta.postTokenBalances`. */
export interface TokenBalance {
  accountIndex: number;
  mint: string;
  owner: string;
  programId: string;
  uiTokenAmount: UiTokenAmount;
}

/**
 * Token balances of every SPL token account among `accountKeys`, read through `read`
 * (call it before and after execution for pre and post balances).
 */
export function collectTokenBalances(
  accountKeys: readonly string[],
  read: (key: string) => AccountState | null,
): TokenBalance[] {
  const balances: TokenBalance[] = [];
  const decimalsByMint = new Map<string, number>();
  accountKeys.forEach((key, accountIndex) => {
    const account = read(key);
    if (!account) return;
    const token = decodeTokenAccount(account.owner, account.data);
    if (!token) return;
    let decimals = decimalsByMint.get(token.mint);
    if (decimals === undefined) {
      const mintAccount = read(token.mint);
      const mint = mintAccount ? decodeMint(mintAccount.owner, mintAccount.data) : null;
      if (!mint) return;
      decimals = mint.decimals;
      decimalsByMint.set(token.mint, decimals);
    }
    balances.push({
      accountIndex,
      mint: token.mint,
      owner: token.owner,
      programId: account.owner,
      uiTokenAmount: toUiTokenAmount(token.amount, decimals),
    });
  });
  return balances;
}
