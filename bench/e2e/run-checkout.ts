import type { Connection, Keypair } from '@solana/web3.js';
import { signAndSend } from '../chain/sign-and-send';
import { httpsJson } from '../http/https-json';
import type { PlacedOrder } from '../http/simulator-client';

/** How the buyer's side learns that the payment went through. */
export type DiscoveryPath = 'checkout-page' | 'webhook' | 'poll';

/** What one checkout needs. */
export interface CheckoutInput {
  purpleOrigin: string;
  ca: string;
  connection: Connection;
  buyer: Keypair;
  order: PlacedOrder;
}

/**
 * A buyer's part of one checkout: `POST /tx/payment/<id>` with the wallet's account, sign, send.
 * Returns the transaction id.
 */
export async function payOrder(input: CheckoutInput): Promise<string> {
  const served = await httpsJson(`${input.purpleOrigin}/tx/payment/${input.order.paymentId}`, {
    method: 'POST',
    body: { account: input.buyer.publicKey.toBase58() },
    tls: { ca: input.ca },
  });
  const transaction = (served.body as { transaction?: unknown } | null)?.transaction;
  if (served.status !== 200 || typeof transaction !== 'string') {
    throw new Error(
      `transaction request answered ${served.status}: ${JSON.stringify(served.body)}`,
    );
  }
  return signAndSend(input.connection, transaction, input.buyer);
}

/**
 * Polls the checkout page's status endpoint (as the open checkout page does, which also makes the
 * app check the chain) until Shopify's redirect URL is there, i.e. the resolve went through.
 * Returns how many status requests it took.
 */
export async function waitOnCheckoutPage(
  purpleOrigin: string,
  ca: string,
  paymentId: string,
  everyMs = 250,
  timeoutMs = 120_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let polls = 0;
  while (Date.now() < deadline) {
    const answer = await httpsJson(`${purpleOrigin}/checkout/payments/${paymentId}`, {
      method: 'GET',
      tls: { ca },
    });
    polls += 1;
    const body = answer.body as { redirectUrl?: unknown } | null;
    if (answer.status === 200 && typeof body?.redirectUrl === 'string') return polls;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`payment ${paymentId} was not resolved within ${timeoutMs} ms`);
}
