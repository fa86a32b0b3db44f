import { createHmac } from 'node:crypto';
import { Keypair } from '@solana/web3.js';
import { deriveGuardKeypair } from './derive-guard-keypair';

const base = {
  secret: 'a-test-secret-of-32-bytes-length!',
  shop: 'acme.myshopify.com',
  kind: 'payment' as const,
  shopifyId: 'rX7pQ2',
  generation: 0,
};

describe('deriveGuardKeypair', () => {
  it('is HMAC-SHA256 of the documented message, fed to Keypair.fromSeed', () => {
    const seed = createHmac('sha256', base.secret)
      .update('single-use/v1|acme.myshopify.com|payment|rX7pQ2|0')
      .digest();
    expect(deriveGuardKeypair(base).publicKey.toBase58()).toBe(
      Keypair.fromSeed(seed).publicKey.toBase58(),
    );
    expect(Buffer.from(deriveGuardKeypair(base).secretKey)).toEqual(
      Buffer.from(Keypair.fromSeed(seed).secretKey),
    );
  });

  it('same inputs and secret give the same key; any change gives another', () => {
    const key = deriveGuardKeypair(base).publicKey.toBase58();
    expect(deriveGuardKeypair({ ...base }).publicKey.toBase58()).toBe(key);
    const variants = [
      { ...base, secret: 'another-secret-of-32-bytes-length' },
      { ...base, generation: 1 },
      { ...base, kind: 'refund' as const },
      { ...base, shopifyId: 'rX7pQ3' },
      { ...base, shop: 'other.myshopify.com' },
      { ...base, secret: Buffer.from(base.secret).reverse() },
    ];
    const keys = new Set(variants.map((input) => deriveGuardKeypair(input).publicKey.toBase58()));
    expect(keys.size).toBe(variants.length);
    expect(keys.has(key)).toBe(false);
  });

  it('accepts the secret as bytes', () => {
    expect(
      deriveGuardKeypair({ ...base, secret: Buffer.from(base.secret) }).publicKey.toBase58(),
    ).toBe(deriveGuardKeypair(base).publicKey.toBase58());
  });

  it('refuses weak or ambiguous inputs', () => {
    expect(() => deriveGuardKeypair({ ...base, secret: '' })).toThrow(RangeError);
    expect(() => deriveGuardKeypair({ ...base, secret: 'short' })).toThrow(RangeError);
    expect(() => deriveGuardKeypair({ ...base, shop: 'a|b.myshopify.com' })).toThrow(RangeError);
    expect(() => deriveGuardKeypair({ ...base, generation: -1 })).toThrow(RangeError);
    expect(() => deriveGuardKeypair({ ...base, generation: 1.5 })).toThrow(RangeError);
    expect(() => deriveGuardKeypair({ ...base, shopifyId: '' })).toThrow(RangeError);
  });
});
