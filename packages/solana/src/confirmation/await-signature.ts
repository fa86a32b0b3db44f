import type { Commitment, Connection, SignatureStatus, TransactionError } from '@solana/web3.js';

/** Inputs of {@link awaitSignature}. */
export interface AwaitSignatureInput {
  /** The transaction id (base58 fee-payer signature). */
  signature: string;
  /** The transaction can no longer land once the block height passes this. */
  lastValidBlockHeight: number;
  /** The commitment the landed transaction must reach. */
  commitment: Commitment;
  /** Pause between polls; default 400 ms. */
  pollIntervalMs?: number;
}

/** Outcome of {@link awaitSignature}: landed (successfully or not) at the commitment, or expired. */
export type AwaitSignatureResult =
  { status: 'landed'; slot: number; err: TransactionError | null } | { status: 'expired' };

const RANK: Record<string, number> = {
  processed: 0,
  recent: 0,
  single: 0,
  confirmed: 1,
  singleGossip: 1,
  max: 2,
  root: 2,
  finalized: 2,
};

/** Whether a signature status has reached the wanted commitment. */
export function reachedCommitment(status: SignatureStatus, commitment: Commitment): boolean {
  const wanted = RANK[commitment] ?? 1;
  const reached = status.confirmationStatus
    ? (RANK[status.confirmationStatus] ?? 0)
    : status.confirmations === null
      ? 2
      : 0;
  return reached >= wanted;
}

/**
 * Waits for a sent transaction by polling `getSignatureStatuses` over plain HTTP JSON-RPC
 * (no websocket subscription, so it works against any RPC), until it reaches `commitment` or
 * its blockhash expires. A landed transaction reports its `err` (null on success).
 */
export async function awaitSignature(
  connection: Connection,
  { signature, lastValidBlockHeight, commitment, pollIntervalMs = 400 }: AwaitSignatureInput,
): Promise<AwaitSignatureResult> {
  for (;;) {
    const { value } = await connection.getSignatureStatuses([signature], {
      searchTransactionHistory: true,
    });
    const status = value[0];
    if (status && reachedCommitment(status, commitment)) {
      return { status: 'landed', slot: status.slot, err: status.err };
    }
    if (!status) {
      const height = await connection.getBlockHeight('confirmed');
      if (height > lastValidBlockHeight) {
        // One last look: it may have landed just before expiry.
        const { value: last } = await connection.getSignatureStatuses([signature], {
          searchTransactionHistory: true,
        });
        if (!last[0]) return { status: 'expired' };
      }
    }
    await new Promise((resolve) => setTimeout(resolve, pollIntervalMs));
  }
}
