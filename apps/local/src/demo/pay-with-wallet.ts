import { fetchTransaction, parseURL } from '@solana/pay';
import type { Connection, Keypair } from '@solana/web3.js';

/**
 * What a Solana Pay wallet does with a `solana:` transaction-request link: POSTs its account to
 * the link (`fetchTransaction` checks the answer), signs as `wallet`, sends. Returns the signature.
 */
export async function payWithWallet(
  connection: Connection,
  wallet: Keypair,
  solanaPayUrl: string,
): Promise<string> {
  const parsed = parseURL(solanaPayUrl);
  if (!('link' in parsed)) throw new Error(`${solanaPayUrl} is not a transaction request`);
  const transaction = await fetchTransaction(connection, wallet.publicKey, parsed.link);
  transaction.partialSign(wallet);
  return connection.sendRawTransaction(transaction.serialize(), { skipPreflight: true });
}
