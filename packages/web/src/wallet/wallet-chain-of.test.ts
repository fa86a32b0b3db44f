import { describe, expect, it } from '@jest/globals';
import { walletChainOf } from './wallet-chain-of';

describe('walletChainOf', () => {
  it('maps cluster names to Wallet Standard chains', () => {
    expect(walletChainOf('mainnet-beta')).toBe('solana:mainnet');
    expect(walletChainOf(undefined)).toBe('solana:mainnet');
    expect(walletChainOf(null)).toBe('solana:mainnet');
    expect(walletChainOf('devnet')).toBe('solana:devnet');
    expect(walletChainOf('testnet')).toBe('solana:testnet');
    expect(walletChainOf('localnet')).toBe('solana:localnet');
  });
});
