import { describe, expect, it } from '@jest/globals';
import { Keypair, PublicKey, SystemProgram, Transaction } from '@solana/web3.js';
import { partialSignNatively } from './partial-sign-natively';

function draft(feePayer: Keypair, second: Keypair, wallet: PublicKey): Transaction {
  const transaction = new Transaction({
    feePayer: feePayer.publicKey,
    blockhash: '11111111111111111111111111111111',
    lastValidBlockHeight: 1,
  });
  transaction.add(
    SystemProgram.transfer({ fromPubkey: wallet, toPubkey: second.publicKey, lamports: 5 }),
    SystemProgram.createAccount({
      fromPubkey: feePayer.publicKey,
      newAccountPubkey: second.publicKey,
      lamports: 1,
      space: 0,
      programId: SystemProgram.programId,
    }),
  );
  return transaction;
}

describe('partialSignNatively', () => {
  it("makes web3.js's partialSign signatures, leaving the other signer's slot empty", () => {
    const gas = Keypair.generate();
    const guard = Keypair.generate();
    const wallet = Keypair.generate().publicKey;
    const byWeb3 = draft(gas, guard, wallet);
    byWeb3.partialSign(gas, guard);
    const native = draft(gas, guard, wallet);
    partialSignNatively(native, gas, guard, gas);

    const wire = (t: Transaction) => t.serialize({ requireAllSignatures: false }).toString('hex');
    expect(wire(native)).toBe(wire(byWeb3));
    const slots = native.signatures.map((pair) => [pair.publicKey.toBase58(), pair.signature]);
    expect(slots).toHaveLength(3);
    expect(slots.find(([key]) => key === wallet.toBase58())?.[1]).toBeNull();
    expect(native.verifySignatures(false)).toBe(true);
  });

  it('refuses a signer the transaction does not ask for', () => {
    const gas = Keypair.generate();
    const transaction = draft(gas, Keypair.generate(), Keypair.generate().publicKey);
    expect(() => partialSignNatively(transaction, Keypair.generate())).toThrow(/unknown signer/);
  });
});
