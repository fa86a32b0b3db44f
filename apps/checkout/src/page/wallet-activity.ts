import type { WalletPaymentStep } from '../wallet/pay-with-wallet';

/** What the buyer is doing with a browser wallet on this page (local, not persisted). */
export type WalletActivity =
  | { state: 'idle' }
  | { state: 'busy'; walletName: string; step: WalletPaymentStep }
  | { state: 'sent'; walletName: string; signature: string }
  | { state: 'failed'; message: string; cancelled: boolean };
