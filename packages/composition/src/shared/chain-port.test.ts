import { afterEach, describe, expect, it } from '@jest/globals';
import { Keypair } from '@solana/web3.js';
import { chainPort } from './chain-port';
import { closeComposition } from './process-singleton';

/** A fresh environment object each time: configuration is read once per environment object. */
function configure(secretKey: Uint8Array): void {
  process.env = {
    ...process.env,
    GAS_KEYPAIR: JSON.stringify(Array.from(secretKey)),
    SOLANA_RPC_URL: 'http://127.0.0.1:8899',
    SOLANA_CLUSTER: 'devnet',
    SINGLE_USE_SECRET: 'a'.repeat(64),
  };
}

afterEach(async () => {
  await closeComposition();
});

describe('chainPort', () => {
  it('accepts a gas keypair whose second half is the public key of its first', () => {
    configure(Keypair.generate().secretKey);
    expect(chainPort()).toBeDefined();
  });

  it('refuses a gas keypair whose halves do not belong together', () => {
    const mixed = new Uint8Array(64);
    mixed.set(Keypair.generate().secretKey.subarray(0, 32), 0);
    mixed.set(Keypair.generate().publicKey.toBytes(), 32);
    configure(mixed);
    expect(() => chainPort()).toThrow('provided secretKey is invalid');
  });
});
