import { Connection, type Keypair } from '@solana/web3.js';
import { placeAndSign, type ServedOrder } from './pay-order';
import type { MeasuredStack } from './start-measured-stack';

/** Runs `task` for 0..count-1 with at most `concurrency` in flight; results in index order. */
export async function inPool<T>(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, count) }, async () => {
    while (next < count) {
      const index = next++;
      results[index] = await task(index);
    }
  });
  await Promise.all(lanes);
  return results;
}

/**
 * Places `count` orders and pays each as `buyer` (transaction request, sign, send), `concurrency`
 * at a time, then waits until every transaction is finalized on the local chain. Discovery is
 * left to the caller (webhooks, the poll). Returns the orders, signatures known.
 */
export async function payMany(
  m: MeasuredStack,
  buyer: Keypair,
  count: number,
  options: { concurrency?: number; amount?: string } = {},
): Promise<ServedOrder[]> {
  const connection = new Connection(m.stack.urls.rpc, 'confirmed');
  const orders = await inPool(count, options.concurrency ?? 16, async () => {
    const order = await placeAndSign(m, buyer, options.amount ?? '1.00');
    await connection.sendRawTransaction(order.transaction.serialize(), { skipPreflight: true });
    return order;
  });
  await waitFinalized(
    connection,
    orders.map((o) => o.signature),
  );
  return orders;
}

/** Polls signature statuses in batches until all are finalized; throws if one failed. */
export async function waitFinalized(
  connection: Connection,
  signatures: readonly string[],
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let pending = [...signatures];
  while (pending.length > 0) {
    if (Date.now() > deadline) throw new Error(`${pending.length} transactions not finalized`);
    const still: string[] = [];
    for (let i = 0; i < pending.length; i += 256) {
      const batch = pending.slice(i, i + 256);
      const { value } = await connection.getSignatureStatuses(batch, {
        searchTransactionHistory: true,
      });
      batch.forEach((signature, k) => {
        const status = value[k];
        if (status?.err) throw new Error(`${signature} failed: ${JSON.stringify(status.err)}`);
        if (status?.confirmationStatus !== 'finalized') still.push(signature);
      });
    }
    pending = still;
    if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Delivers signatures to purple's Helius webhook in batches, as Helius does, with `secret`
 * (default `HELIUS_WEBHOOK_SECRET` of this process); answers the statuses.
 */
export async function deliverWebhooks(
  m: Pick<MeasuredStack, 'purple'>,
  signatures: readonly string[],
  options: { batchSize?: number; secret?: string } = {},
): Promise<number[]> {
  const batchSize = options.batchSize ?? 20;
  const statuses: number[] = [];
  for (let i = 0; i < signatures.length; i += batchSize) {
    const answer = await m.purple.call({
      method: 'POST',
      path: '/webhooks/helius',
      headers: {
        'content-type': 'application/json',
        authorization: options.secret ?? process.env.HELIUS_WEBHOOK_SECRET ?? '',
      },
      body: JSON.stringify(signatures.slice(i, i + batchSize).map((signature) => ({ signature }))),
    });
    statuses.push(answer.status);
  }
  return statuses;
}
