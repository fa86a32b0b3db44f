import {
  SolanaSignAndSendTransaction,
  SolanaSignTransaction,
  type SolanaSignAndSendTransactionFeature,
  type SolanaSignTransactionFeature,
} from '@solana/wallet-standard-features';
import type { IdentifierString, WalletAccount } from '@wallet-standard/base';
import { StandardConnect, type StandardConnectFeature } from '@wallet-standard/features';
import { requestTransaction } from '../api/request-transaction';
import { base64ToBytes } from '../encoding/base64-to-bytes';
import { encodeBase58 } from '../encoding/encode-base58';
import { broadcastTransaction } from './broadcast-transaction';
import { isUserRejection } from './is-user-rejection';
import type { PaymentWallet } from './payment-wallet';

/** The step a wallet payment is in, reported to the page as it progresses. */
export type WalletPaymentStep = 'connecting' | 'preparing' | 'approving' | 'sending';

/** Inputs of {@link payWithWallet}. */
export interface PayWithWalletInput {
  /** The chosen wallet. */
  wallet: PaymentWallet;
  /** The https transaction-request link (the `link` of a `solana:` transaction-request URL). */
  link: string;
  /** Wallet Standard chain of the deployment (`solana:mainnet`, `solana:localnet`, …). */
  chain: IdentifierString;
  /** Needed only for wallets that sign without sending. */
  rpcUrl?: string;
  /** Progress callback. */
  onStep?: (step: WalletPaymentStep) => void;
  fetchFn?: typeof fetch;
}

/** Result of {@link payWithWallet}. */
export type PayWithWalletResult =
  | { ok: true; signature: string }
  | { ok: false; reason: 'cancelled' | 'declined-by-server' | 'wallet-failed'; message: string };

function errorText(error: unknown): string {
  return error instanceof Error && error.message ? error.message.slice(0, 200) : 'Unknown error';
}

/**
 * Pays a Solana Pay transaction request with a browser wallet exactly as a Solana Pay wallet
 * would: connect, `POST` the link with the wallet's account, then have the wallet sign and send
 * the partially signed transaction it got back (or sign it, and broadcast it here). A wallet
 * that can only sign is refused up front when there is no `rpcUrl` to broadcast through.
 */
export async function payWithWallet(input: PayWithWalletInput): Promise<PayWithWalletResult> {
  const { wallet, mode } = input.wallet;
  const fail = (error: unknown): PayWithWalletResult =>
    isUserRejection(error)
      ? { ok: false, reason: 'cancelled', message: 'You cancelled the request in your wallet.' }
      : { ok: false, reason: 'wallet-failed', message: `${wallet.name}: ${errorText(error)}` };

  const rpcUrl = input.rpcUrl ?? '';
  if (mode === 'sign-then-broadcast' && rpcUrl === '') {
    return {
      ok: false,
      reason: 'wallet-failed',
      message: `${wallet.name} can only sign: use a wallet that also sends, or the QR code.`,
    };
  }

  input.onStep?.('connecting');
  let account: WalletAccount | undefined;
  try {
    const connect = (wallet.features as StandardConnectFeature)[StandardConnect];
    const { accounts } = await connect.connect();
    account = accounts[0] ?? wallet.accounts[0];
  } catch (error) {
    return fail(error);
  }
  if (!account) {
    return { ok: false, reason: 'wallet-failed', message: `${wallet.name} shared no account.` };
  }

  input.onStep?.('preparing');
  const served = await requestTransaction(input.link, account.address, input.fetchFn);
  if (!served.ok) return { ok: false, reason: 'declined-by-server', message: served.message };
  const transaction = base64ToBytes(served.transaction);

  input.onStep?.('approving');
  try {
    if (mode === 'sign-and-send') {
      const feature = (wallet.features as SolanaSignAndSendTransactionFeature)[
        SolanaSignAndSendTransaction
      ];
      const [output] = await feature.signAndSendTransaction({
        account,
        transaction,
        chain: input.chain,
        options: { commitment: 'confirmed' },
      });
      if (!output) {
        return {
          ok: false,
          reason: 'wallet-failed',
          message: `${wallet.name} returned no signature.`,
        };
      }
      input.onStep?.('sending');
      return { ok: true, signature: encodeBase58(output.signature) };
    }
    const feature = (wallet.features as SolanaSignTransactionFeature)[SolanaSignTransaction];
    const [output] = await feature.signTransaction({ account, transaction, chain: input.chain });
    if (!output) {
      return {
        ok: false,
        reason: 'wallet-failed',
        message: `${wallet.name} returned nothing to send.`,
      };
    }
    input.onStep?.('sending');
    const sent = await broadcastTransaction(rpcUrl, output.signedTransaction, input.fetchFn);
    return sent.ok ? sent : { ok: false, reason: 'wallet-failed', message: sent.message };
  } catch (error) {
    return fail(error);
  }
}
