import { decodeBase58 } from '@solpay/web';

/** Result of {@link checkPayoutWallet}. */
export type CheckPayoutWalletResult =
  { ok: true; address: string } | { ok: false; message: string };

/**
 * Client-side check of a payout wallet address: base58 text that decodes to exactly 32 bytes
 * (a Solana public key). Surrounding spaces are ignored. The server checks again (and more,
 * e.g. whether the wallet can receive USDC).
 */
export function checkPayoutWallet(input: string): CheckPayoutWalletResult {
  const address = input.trim();
  if (address === '') return { ok: false, message: 'Enter your payout wallet address.' };
  const bytes = /^[1-9A-HJ-NP-Za-km-z]+$/.test(address) ? decodeBase58(address) : undefined;
  if (!bytes) {
    return {
      ok: false,
      message: 'A Solana address uses only base58 characters (no 0, O, I or l, no spaces).',
    };
  }
  if (bytes.length !== 32) {
    return {
      ok: false,
      message:
        'This is not a Solana wallet address: it must be 32 bytes (usually 43 or 44 characters).',
    };
  }
  return { ok: true, address };
}
