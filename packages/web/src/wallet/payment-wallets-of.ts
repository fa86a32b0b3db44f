import {
  SolanaSignAndSendTransaction,
  SolanaSignTransaction,
} from '@solana/wallet-standard-features';
import type { Wallet } from '@wallet-standard/base';
import { StandardConnect } from '@wallet-standard/features';
import type { PaymentWallet } from './payment-wallet';

function supportsLegacy(feature: unknown): boolean {
  if (typeof feature !== 'object' || feature === null) return false;
  const versions = (feature as { supportedTransactionVersions?: unknown })
    .supportedTransactionVersions;
  return Array.isArray(versions) && versions.includes('legacy');
}

/**
 * The registered wallets that can pay: a Solana chain, `standard:connect`, and
 * `solana:signAndSendTransaction` (preferred) or `solana:signTransaction`, each accepting
 * legacy transactions (what the transaction request serves). Sorted by name, duplicates by
 * name dropped (some extensions register twice).
 */
export function paymentWalletsOf(wallets: readonly Wallet[]): PaymentWallet[] {
  const found = new Map<string, PaymentWallet>();
  for (const wallet of wallets) {
    if (!wallet.chains.some((chain) => chain.startsWith('solana:'))) continue;
    if (!(StandardConnect in wallet.features)) continue;
    const mode = supportsLegacy(wallet.features[SolanaSignAndSendTransaction])
      ? 'sign-and-send'
      : supportsLegacy(wallet.features[SolanaSignTransaction])
        ? 'sign-then-broadcast'
        : undefined;
    if (mode && !found.has(wallet.name)) found.set(wallet.name, { wallet, mode });
  }
  return [...found.values()].sort((a, b) => a.wallet.name.localeCompare(b.wallet.name));
}
