import type { Wallet } from '@wallet-standard/base';

/** How a wallet can complete a payment. */
export type PaymentWalletMode = 'sign-and-send' | 'sign-then-broadcast';

/** A browser wallet able to pay a Solana Pay transaction request. */
export interface PaymentWallet {
  /** The Wallet Standard wallet. */
  wallet: Wallet;
  /** `sign-and-send` when it has `solana:signAndSendTransaction`, else it only signs. */
  mode: PaymentWalletMode;
}
