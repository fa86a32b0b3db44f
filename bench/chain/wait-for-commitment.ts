import type { Commitment, Connection } from '@solana/web3.js';

const RANK: Record<string, number> = { processed: 0, confirmed: 1, finalized: 2 };

/**
 * Polls `getSignatureStatuses` every `everyMs` until `signature` reaches `commitment`, and returns
 * the wall-clock time (`Date.now()`) it was first seen there. Throws if the transaction failed.
 */
export async function waitForCommitment(
  connection: Connection,
  signature: string,
  commitment: Commitment,
  everyMs = 20,
  timeoutMs = 60_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  const wanted = RANK[commitment] ?? 2;
  while (Date.now() < deadline) {
    const { value } = await connection.getSignatureStatuses([signature]);
    const status = value[0];
    if (status?.err) throw new Error(`${signature} failed on chain: ${JSON.stringify(status.err)}`);
    const reached = status?.confirmationStatus;
    if (reached !== undefined && (RANK[reached] ?? -1) >= wanted) return Date.now();
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`${signature} did not reach ${commitment} in ${timeoutMs} ms`);
}
