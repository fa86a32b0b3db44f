import { describe, expect, it } from '@jest/globals';
import type { Wallet } from '@wallet-standard/base';
import { paymentWalletsOf } from './payment-wallets-of';

const feature = (versions: unknown[]) => ({
  version: '1.0.0',
  supportedTransactionVersions: versions,
});

function wallet(
  name: string,
  features: Record<string, unknown>,
  chains = ['solana:mainnet'],
): Wallet {
  return {
    version: '1.0.0',
    name,
    icon: 'data:image/svg+xml;base64,',
    chains: chains as Wallet['chains'],
    features: { 'standard:connect': { version: '1.0.0' }, ...features } as Wallet['features'],
    accounts: [],
  };
}

describe('paymentWalletsOf', () => {
  it('prefers signAndSend, falls back to sign-only, sorted by name', () => {
    const found = paymentWalletsOf([
      wallet('Zeta', { 'solana:signTransaction': feature(['legacy', 0]) }),
      wallet('Alpha', {
        'solana:signAndSendTransaction': feature(['legacy', 0]),
        'solana:signTransaction': feature(['legacy', 0]),
      }),
    ]);
    expect(found.map((w) => [w.wallet.name, w.mode])).toEqual([
      ['Alpha', 'sign-and-send'],
      ['Zeta', 'sign-then-broadcast'],
    ]);
  });

  it('drops wallets that cannot pay a legacy Solana transaction', () => {
    const found = paymentWalletsOf([
      wallet('Eth only', { 'solana:signAndSendTransaction': feature(['legacy']) }, ['eip155:1']),
      wallet('v0 only', { 'solana:signAndSendTransaction': feature([0]) }),
      wallet('Message only', { 'solana:signMessage': { version: '1.0.0' } }),
      {
        ...wallet('No connect', { 'solana:signAndSendTransaction': feature(['legacy']) }),
        features: {},
      },
    ]);
    expect(found).toEqual([]);
  });

  it('keeps one entry per wallet name', () => {
    const a = wallet('Dup', { 'solana:signAndSendTransaction': feature(['legacy']) });
    expect(paymentWalletsOf([a, { ...a }])).toHaveLength(1);
  });
});
