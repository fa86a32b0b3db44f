import { sign } from 'node:crypto';
import type { Keypair, Transaction } from '@solana/web3.js';
import { ed25519PrivateKey } from '../keys/ed25519-private-key';

/**
 * `transaction.partialSign(...signers)` with the signatures made by node:crypto. Ed25519
 * signatures are deterministic, so the bytes are those web3.js would make; web3.js signs with
 * `@noble/curves` in JavaScript, which builds its curve tables at the first signature of a
 * process (~100 ms of a cold start's first transaction request, docs/performance.md).
 */
export function partialSignNatively(transaction: Transaction, ...signers: Keypair[]): void {
  const message = transaction.serializeMessage();
  const signed = new Set<string>();
  for (const signer of signers) {
    const address = signer.publicKey.toBase58();
    if (signed.has(address)) continue;
    signed.add(address);
    const privateKey = ed25519PrivateKey(signer.secretKey.subarray(0, 32));
    transaction.addSignature(signer.publicKey, sign(null, message, privateKey));
  }
}
