import { Connection, Transaction, type Keypair } from '@solana/web3.js';
import { encodeBase58 } from '@solpay/domain';
import type { MeasuredStack } from './start-measured-stack';
import { pollUntil } from '@solpay/testkit';

/** An order placed in the simulator and the transaction served for it, not yet sent. */
export interface ServedOrder {
  paymentId: string;
  /** Shopify's payment session gid (what `paymentSessionResolve` names). */
  gid: string;
  /** The transaction, signed by gas, guard and the buyer. */
  transaction: Transaction;
  /** Its id (the gas signature), known before it is sent. */
  signature: string;
}

/** Places an order in the Shopify simulator and fetches + signs its transaction as the wallet does. */
export async function placeAndSign(
  m: Pick<MeasuredStack, 'purple'> & { stack: Pick<MeasuredStack['stack'], 'simulator'> },
  buyer: Keypair,
  amount = '3.21',
): Promise<ServedOrder> {
  const placed = await m.stack.simulator!.placeOrder({ amount });
  if (placed.status !== 201) throw new Error(`payment session answered ${placed.status}`);
  const paymentId = new URL(placed.redirectUrl).pathname.split('/').pop() ?? '';
  const gid = placed.order.paymentSessions.at(-1)?.gid ?? '';
  const answer = await m.purple.call({
    method: 'POST',
    path: `/tx/payment/${paymentId}`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account: buyer.publicKey.toBase58() }),
  });
  const base64 = (answer.body as { transaction?: string } | null)?.transaction;
  if (answer.status !== 200 || !base64) {
    throw new Error(
      `transaction request answered ${answer.status}: ${JSON.stringify(answer.body)}`,
    );
  }
  const transaction = Transaction.from(Buffer.from(base64, 'base64'));
  transaction.partialSign(buyer);
  return {
    paymentId,
    gid,
    transaction,
    signature: encodeBase58(transaction.signature ?? new Uint8Array(64)),
  };
}

/** Sends a signed transaction and waits until the local chain reports it `finalized`. */
export async function sendAndFinalize(rpcUrl: string, transaction: Transaction): Promise<string> {
  const connection = new Connection(rpcUrl, 'confirmed');
  const signature = await connection.sendRawTransaction(transaction.serialize(), {
    skipPreflight: true,
  });
  for (let i = 0; i < 300; i += 1) {
    const { value } = await connection.getSignatureStatuses([signature]);
    if (value[0]?.err) throw new Error(`transaction failed: ${JSON.stringify(value[0].err)}`);
    if (value[0]?.confirmationStatus === 'finalized') return signature;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${signature} was not finalized`);
}

/** Polls `check` every 200 ms until it returns a value, or fails after `timeoutMs`. */
export function eventually<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 45_000,
): Promise<T> {
  return pollUntil(what, check, { timeoutMs, intervalMs: 200 });
}
