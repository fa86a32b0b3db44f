import type { Commitment, Connection, Keypair, Transaction } from '@solana/web3.js';
import { awaitSignature } from '../confirmation/await-signature';
import { encodeBase58 } from '@solpay/domain';

/**
 * Adds `signers`' signatures, sends the transaction (optionally without preflight so that it
 * lands even if it fails), and waits for `commitment`. Returns the signature and on-chain error.
 * Test support.
 */
export async function signSendConfirm(
  connection: Connection,
  transaction: Transaction,
  signers: Keypair[],
  {
    skipPreflight = false,
    commitment = 'confirmed',
  }: { skipPreflight?: boolean; commitment?: Commitment } = {},
): Promise<{ signature: string; err: unknown }> {
  if (signers.length) transaction.partialSign(...signers);
  const signature = encodeBase58(transaction.signature ?? new Uint8Array());
  await connection.sendRawTransaction(transaction.serialize(), { skipPreflight });
  const lastValidBlockHeight =
    transaction.lastValidBlockHeight ?? (await connection.getBlockHeight()) + 150;
  const result = await awaitSignature(connection, {
    signature,
    lastValidBlockHeight,
    commitment,
    pollIntervalMs: 50,
  });
  if (result.status === 'expired') throw new Error(`Transaction ${signature} expired`);
  return { signature, err: result.err };
}
