import type { Wallets } from '@wallet-standard/app';
import type { PaymentWallet } from './payment-wallet';
import { paymentWalletsOf } from './payment-wallets-of';

/**
 * Calls `onChange` with the wallets that can pay (see {@link paymentWalletsOf}) whenever a
 * wallet registers or unregisters (extensions register after the page loads). Returns the
 * function that stops watching.
 */
export function watchPaymentWallets(
  registry: Wallets,
  onChange: (wallets: PaymentWallet[]) => void,
): () => void {
  const changed = () => onChange(paymentWalletsOf(registry.get()));
  const offRegister = registry.on('register', changed);
  const offUnregister = registry.on('unregister', changed);
  return () => {
    offRegister();
    offUnregister();
  };
}
