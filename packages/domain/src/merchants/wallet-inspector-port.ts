/** What the chain says about an address a merchant wants to be paid at. */
export interface WalletInspection {
  /** `token-account`/`mint`: an SPL Token account, not a wallet; `program`: an executable. */
  kind: 'wallet' | 'token-account' | 'mint' | 'program';
  /** The wallet's associated token account for the settlement mint exists. */
  hasTokenAccount: boolean;
}

/** Reads payout-wallet facts from the chain. Implemented over web3.js in `@solpay/adapters`. */
export interface WalletInspectorPort {
  /** `tokenProgram` (default SPL Token) owns `mint`; the ATA is derived with it. */
  inspect(wallet: string, mint: string, tokenProgram?: string): Promise<WalletInspection>;
}
