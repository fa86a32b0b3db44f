import { Connection, Transaction, type Keypair } from '@solana/web3.js';

/**
 * What a wallet does with a transaction request answer: adds its signature to the partially
 * signed transaction and sends it. Returns the transaction id (the fee payer's signature).
 */
export async function signAndSend(
  connection: Connection,
  base64: string,
  wallet: Keypair,
): Promise<string> {
  const transaction = Transaction.from(Buffer.from(base64, 'base64'));
  transaction.partialSign(wallet);
  return connection.sendRawTransaction(transaction.serialize(), { skipPreflight: true });
}
