import type { Commitment, Connection, Keypair } from '@solana/web3.js';
import { awaitSignature } from '../confirmation/await-signature';
import { buildSweepTransaction } from './build-sweep-transaction';

/** Inputs of {@link sweepGuard}. */
export interface SweepGuardInput {
  /** Our gas wallet: pays the fee and receives the lamports. */
  gas: Keypair;
  /** The guard to empty. */
  guard: Keypair;
  /** Commitment to wait for; default `confirmed`. */
  commitment?: Commitment;
  /** Poll interval while confirming; default 400 ms. */
  pollIntervalMs?: number;
}

/** Outcome of {@link sweepGuard}. */
export type SweepGuardResult =
  | { outcome: 'swept'; signature: string; lamports: bigint }
  | { outcome: 'empty' }
  | { outcome: 'failed'; error: Error };

/**
 * Recovers a guard's rent (DESIGN §3.1 property 4): sends all its lamports back to gas and waits
 * for `commitment`. The caller must have checked `canSweep` first: an emptied guard address is
 * reusable, so a served transaction still within its blockhash lifetime could land again.
 */
export async function sweepGuard(
  connection: Connection,
  { gas, guard, commitment = 'confirmed', pollIntervalMs }: SweepGuardInput,
): Promise<SweepGuardResult> {
  try {
    const balance = BigInt(await connection.getBalance(guard.publicKey, 'confirmed'));
    if (balance === 0n) return { outcome: 'empty' };
    const blockhash = await connection.getLatestBlockhash('confirmed');
    const { transaction, signature, lastValidBlockHeight } = buildSweepTransaction({
      gas,
      guard,
      lamports: balance,
      blockhash,
    });
    await connection.sendRawTransaction(transaction.serialize());
    const result = await awaitSignature(connection, {
      signature,
      lastValidBlockHeight,
      commitment,
      ...(pollIntervalMs === undefined ? {} : { pollIntervalMs }),
    });
    if (result.status === 'expired')
      return { outcome: 'failed', error: new Error('The sweep expired before landing') };
    if (result.err !== null) {
      return {
        outcome: 'failed',
        error: new Error(`The sweep failed: ${JSON.stringify(result.err)}`),
      };
    }
    return { outcome: 'swept', signature, lamports: balance };
  } catch (error) {
    return { outcome: 'failed', error: error instanceof Error ? error : new Error(String(error)) };
  }
}
