import { describe, expect, it } from '@jest/globals';
import { Keypair } from '@solana/web3.js';
import { gasKeypair } from './gas-keypair';

describe('gasKeypair', () => {
  it('accepts a secret key whose second half is the public key of its first', () => {
    const gas = Keypair.generate();
    const keypair = gasKeypair(gas.secretKey);
    expect(keypair.publicKey.toBase58()).toBe(gas.publicKey.toBase58());
    expect(keypair.secretKey).toEqual(gas.secretKey);
  });

  it('refuses a secret key whose halves do not belong together, as web3.js does', () => {
    const mixed = new Uint8Array(64);
    mixed.set(Keypair.generate().secretKey.subarray(0, 32), 0);
    mixed.set(Keypair.generate().publicKey.toBytes(), 32);
    expect(() => Keypair.fromSecretKey(mixed)).toThrow('provided secretKey is invalid');
    expect(() => gasKeypair(mixed)).toThrow('provided secretKey is invalid');
  });
});
