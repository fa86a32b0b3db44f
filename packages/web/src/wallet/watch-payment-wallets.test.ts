import { describe, expect, it } from '@jest/globals';
import { getWallets } from '@wallet-standard/app';
import type { Wallet } from '@wallet-standard/base';
import type { PaymentWallet } from './payment-wallet';
import { watchPaymentWallets } from './watch-payment-wallets';

function wallet(name: string, features: Record<string, unknown>): Wallet {
  return {
    version: '1.0.0',
    name,
    icon: 'data:image/svg+xml;base64,',
    chains: ['solana:localnet'],
    features: { 'standard:connect': { version: '1.0.0' }, ...features } as Wallet['features'],
    accounts: [],
  };
}

describe('watchPaymentWallets', () => {
  it('reports the payment wallets as wallets register and unregister, until stopped', () => {
    const registry = getWallets();
    const seen: string[][] = [];
    const stop = watchPaymentWallets(registry, (found: PaymentWallet[]) =>
      seen.push(found.map((w) => w.wallet.name)),
    );
    const unregister = registry.register(
      wallet('Watch test wallet', {
        'solana:signAndSendTransaction': {
          version: '1.0.0',
          supportedTransactionVersions: ['legacy'],
        },
      }),
      wallet('Message-only wallet', { 'solana:signMessage': { version: '1.0.0' } }),
    );
    unregister();
    stop();
    registry.register(
      wallet('After stop', {
        'solana:signTransaction': { version: '1.0.0', supportedTransactionVersions: ['legacy'] },
      }),
    );
    expect(seen).toEqual([['Watch test wallet'], []]);
  });
});
