import type { StackFile } from '../../apps/local/src/index';
import { fundBuyers } from '../chain/fund-buyers';
import { createPayment } from '../http/create-payment';
import type { TlsIdentity } from '../http/https-json';
import { readKeypair } from '../stack/read-keypair';
import type { LoadSample } from '../stats/load-sample';
import { runAutocannon } from './run-autocannon';

/** Open payments and funded wallets the requests are spread over: each (payment, wallet) pair once. */
const PAYMENTS = 120;
const WALLETS = 12;

/** Transaction requests ready to send to one stack. */
export interface TransactionRequests {
  /** `POST /tx/payment/<id>` with autocannon, each request a (payment, wallet) pair not sent yet. */
  load(connections: number, plan: { duration: number } | { amount: number }): Promise<LoadSample>;
  /** The next unsent (payment, wallet) pair, for a single request. */
  next(): { path: string; body: string };
}

/**
 * Funds {@link WALLETS} buyer wallets on `stack`'s chain and opens {@link PAYMENTS} payments over
 * green, so that every transaction request sent is a new (payment, wallet) pair: the same wallet
 * asking twice for the same payment within one blockhash gets the very same transaction, and each
 * request here must serve anew.
 */
export async function prepareTransactionRequests(
  stack: StackFile,
  tls: Required<TlsIdentity>,
): Promise<TransactionRequests> {
  const walletFiles = stack.wallets;
  if (!walletFiles) throw new Error('the stack has no local test wallets');
  const wallets = await fundBuyers(
    stack.urls.rpc,
    readKeypair(walletFiles.buyer),
    stack.mint,
    WALLETS,
    25_000_000n,
  );
  const ids: string[] = [];
  while (ids.length < PAYMENTS) {
    const batch = await Promise.all(Array.from({ length: 10 }, () => createPayment(stack, tls)));
    ids.push(...batch.map((p) => p.paymentId));
  }
  const pairs = ids.flatMap((id) =>
    wallets.map((w) => ({
      path: `/tx/payment/${id}`,
      body: JSON.stringify({ account: w.publicKey.toBase58() }),
    })),
  );
  let sent = 0;
  const next = () => {
    const pair = pairs[sent % pairs.length];
    sent += 1;
    if (!pair) throw new Error('no transaction request pairs');
    return pair;
  };
  return {
    next,
    load: (connections, plan) =>
      runAutocannon({
        url: stack.urls.purple,
        connections,
        ...plan,
        tlsOptions: { ca: tls.ca },
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => ({
              ...request,
              ...next(),
              headers: { 'content-type': 'application/json' },
            }),
          },
        ],
      }),
  };
}
