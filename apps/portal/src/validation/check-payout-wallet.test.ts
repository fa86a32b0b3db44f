import { describe, expect, it } from '@jest/globals';
import { Keypair } from '@solana/web3.js';
import { encodeBase58 } from '@solpay/web';
import { checkPayoutWallet } from './check-payout-wallet';

describe('checkPayoutWallet', () => {
  it('accepts real public keys, trimming spaces', () => {
    for (let i = 0; i < 20; i++) {
      const address = Keypair.generate().publicKey.toBase58();
      expect(checkPayoutWallet(`  ${address}\n`)).toEqual({ ok: true, address });
    }
    expect(checkPayoutWallet('11111111111111111111111111111111')).toEqual({
      ok: true,
      address: '11111111111111111111111111111111',
    });
  });

  it('refuses empty input, non-base58 characters and wrong lengths', () => {
    const key = Keypair.generate().publicKey.toBase58();
    expect(checkPayoutWallet('   ')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Enter/),
    });
    expect(checkPayoutWallet(`${key.slice(0, -1)}0`)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/base58/),
    });
    expect(checkPayoutWallet(`${key.slice(0, 10)} ${key.slice(10)}`)).toMatchObject({ ok: false });
    expect(checkPayoutWallet(key.slice(0, 30))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/32 bytes/),
    });
    expect(checkPayoutWallet(`${key}${key}`)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/32 bytes/),
    });
    // A 64-byte secret key pasted by mistake is not an address.
    const secret = Keypair.generate().secretKey;
    expect(checkPayoutWallet(encodeBase58(secret))).toMatchObject({ ok: false });
  });
});
