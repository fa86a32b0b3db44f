import { describe, expect, it } from '@jest/globals';
import {
  Keypair,
  PublicKey,
  SystemProgram,
  Transaction,
  TransactionMessage,
  VersionedTransaction,
} from '@solana/web3.js';
import { verifyWalletTransaction } from './verify-wallet-transaction';

const gas = Keypair.generate();
const buyer = Keypair.generate();
const merchant = Keypair.generate().publicKey;
const blockhash = new PublicKey(new Uint8Array(32).fill(7)).toBase58();

function servedTransaction(options: { signGas?: boolean; signBuyer?: boolean } = {}): Transaction {
  const tx = new Transaction({ feePayer: gas.publicKey, recentBlockhash: blockhash }).add(
    SystemProgram.transfer({ fromPubkey: buyer.publicKey, toPubkey: merchant, lamports: 1000 }),
  );
  if (options.signGas ?? true) tx.partialSign(gas);
  if (options.signBuyer) tx.partialSign(buyer);
  return tx;
}

const bytesOf = (tx: Transaction) =>
  tx.serialize({ requireAllSignatures: false, verifySignatures: false });

describe('verifyWalletTransaction', () => {
  it('accepts a legacy transaction where only the wallet signature is missing', () => {
    const result = verifyWalletTransaction(bytesOf(servedTransaction()), buyer.publicKey);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    result.transaction.sign([buyer]);
    const signed = Transaction.from(result.transaction.serialize());
    expect(signed.verifySignatures(true)).toBe(true);
  });

  it('refuses when another signer has not signed (a wallet must treat it as malicious)', () => {
    const result = verifyWalletTransaction(
      bytesOf(servedTransaction({ signGas: false })),
      buyer.publicKey,
    );
    expect(result).toEqual({ ok: false, message: expect.stringContaining('is missing') });
  });

  it('refuses a forged co-signature', () => {
    const bytes = bytesOf(servedTransaction());
    // The first signature starts right after the 1-byte signature count.
    bytes[5] = (bytes[5] ?? 0) ^ 0xff;
    expect(verifyWalletTransaction(bytes, buyer.publicKey)).toEqual({
      ok: false,
      message: expect.stringContaining('is invalid'),
    });
  });

  it('refuses a transaction that does not need the wallet', () => {
    const stranger = Keypair.generate().publicKey;
    expect(verifyWalletTransaction(bytesOf(servedTransaction()), stranger)).toEqual({
      ok: false,
      message: expect.stringContaining('does not ask'),
    });
  });

  it('refuses a transaction the wallet already signed', () => {
    const bytes = bytesOf(servedTransaction({ signBuyer: true }));
    expect(verifyWalletTransaction(bytes, buyer.publicKey)).toEqual({
      ok: false,
      message: expect.stringContaining('already signed'),
    });
  });

  it('refuses versioned (v0) transactions', () => {
    const message = new TransactionMessage({
      payerKey: gas.publicKey,
      recentBlockhash: blockhash,
      instructions: [
        SystemProgram.transfer({ fromPubkey: buyer.publicKey, toPubkey: merchant, lamports: 1 }),
      ],
    }).compileToV0Message();
    const v0 = new VersionedTransaction(message);
    v0.sign([gas]);
    expect(verifyWalletTransaction(v0.serialize(), buyer.publicKey)).toEqual({
      ok: false,
      message: 'Only legacy transactions are supported',
    });
  });

  it('refuses garbage and oversized input', () => {
    expect(verifyWalletTransaction(new Uint8Array([1, 2, 3]), buyer.publicKey).ok).toBe(false);
    expect(verifyWalletTransaction(new Uint8Array(0), buyer.publicKey).ok).toBe(false);
    expect(verifyWalletTransaction(new Uint8Array(1300), buyer.publicKey).ok).toBe(false);
  });
});
