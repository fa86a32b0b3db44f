import { describe, expect, it } from '@jest/globals';
import { Keypair } from '@solana/web3.js';
import { gasWalletAddress } from './gas-wallet-address';

describe('gasWalletAddress', () => {
  it('derives the same address as web3.js from the seed of GAS_KEYPAIR', () => {
    const gas = Keypair.generate();
    process.env.GAS_KEYPAIR = JSON.stringify(Array.from(gas.secretKey));
    process.env.SOLANA_RPC_URL = 'http://127.0.0.1:8899';
    process.env.SOLANA_CLUSTER = 'devnet';
    process.env.SINGLE_USE_SECRET = 'a'.repeat(64);
    expect(gasWalletAddress()).toBe(gas.publicKey.toBase58());
  });
});
