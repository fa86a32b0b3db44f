import type { WalletPaymentStep } from './pay-with-wallet';

/** What the user is doing with a browser wallet on a page (local, not persisted). */
export type WalletActivity =
  | { state: 'idle' }
  | { state: 'busy'; walletName: string; step: WalletPaymentStep }
  | { state: 'sent'; walletName: string; signature: string }
  | { state: 'failed'; message: string; cancelled: boolean };
