import {
  payWithWallet,
  type PayWithWalletInput,
  type PayWithWalletResult,
} from './pay-with-wallet';
import type { WalletActivity } from './wallet-activity';

/**
 * {@link payWithWallet}, reporting what the page shows as it goes: `busy` (with each step)
 * while the wallet works, then `sent` with the signature or `failed` with the message
 * (`cancelled` when the user declined in the wallet). Returns the payment's result.
 */
export async function payWithWalletActivity(
  input: Omit<PayWithWalletInput, 'onStep'>,
  onActivity: (activity: WalletActivity) => void,
): Promise<PayWithWalletResult> {
  const walletName = input.wallet.wallet.name;
  const result = await payWithWallet({
    ...input,
    onStep: (step) => onActivity({ state: 'busy', walletName, step }),
  });
  onActivity(
    result.ok
      ? { state: 'sent', walletName, signature: result.signature }
      : { state: 'failed', message: result.message, cancelled: result.reason === 'cancelled' },
  );
  return result;
}
