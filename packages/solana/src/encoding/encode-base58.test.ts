import { Keypair, PublicKey } from '@solana/web3.js';
import { encodeBase58 } from './encode-base58';

describe('encodeBase58', () => {
  it('matches web3.js for public keys, including leading zero bytes', () => {
    for (let i = 0; i < 20; i++) {
      const key = Keypair.generate().publicKey;
      expect(encodeBase58(key.toBytes())).toBe(key.toBase58());
    }
    const zeros = new Uint8Array(32);
    zeros[31] = 1;
    expect(encodeBase58(zeros)).toBe(new PublicKey(zeros).toBase58());
    expect(encodeBase58(new Uint8Array(32))).toBe('11111111111111111111111111111111');
  });

  it('encodes known vectors', () => {
    expect(encodeBase58(new Uint8Array())).toBe('');
    expect(encodeBase58(Buffer.from('hello world'))).toBe('StV1DL6CwTryKyV');
  });
});
