/**
 * What a buyer waits for (DESIGN §3.8), counted rather than timed: the local gateway reports
 * each invocation's sequential Solana RPC round trips in `x-local-rpc-round-trips`; and the
 * invocation that sees a payment land sends the resolve itself once it is final.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fetchTransaction } from '@solana/pay';
import { RPC_ROUND_TRIPS_HEADER } from '@solpay/local';
import { startPaymentHarness, type PaymentHarness } from '../test-support/payment-harness';

jest.setTimeout(120_000);

let h: PaymentHarness;

beforeAll(async () => {
  h = await startPaymentHarness({ env: process.env, workers: [] });
}, 90_000);

afterAll(async () => {
  await h?.close();
});

const roundTrips = (headers: Record<string, string | string[] | undefined>) =>
  Number(headers[RPC_ROUND_TRIPS_HEADER]);

describe('transaction request round trips', () => {
  it('serves POST /tx/payment/<id> in one sequential RPC round trip, first and repeated', async () => {
    const buyer = h.stack.chain!.buyer.publicKey.toBase58();
    for (const amount of ['3.10', '4.20']) {
      const { paymentId } = await h.placeOrder(amount);
      const link = `${h.stack.urls.purple}/tx/payment/${paymentId}`;
      // The first serve of a record, then a second one (its served signature is checked too).
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const reply = await h.request(link, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ account: buyer }),
        });
        expect(reply.status).toBe(200);
        expect(roundTrips(reply.headers)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('refuses a wallet without enough USDC with 422 from the same single read', async () => {
    const { paymentId } = await h.placeOrder('2.50');
    const link = `${h.stack.urls.purple}/tx/payment/${paymentId}`;
    const noAccount = await h.stack.chain!.createFundedWallet();
    const short = await h.stack.chain!.createFundedWallet({ usdc: 2_499_999n });
    for (const [wallet, says] of [
      [noAccount, 'The wallet has no USDC account; 2.50 USDC is needed'],
      [short, 'The wallet holds 2.499999 USDC; 2.50 USDC is needed'],
    ] as const) {
      const reply = await h.request(link, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ account: wallet.publicKey.toBase58() }),
      });
      expect(reply.status).toBe(422);
      expect(reply.json).toMatchObject({ message: says });
      expect(roundTrips(reply.headers)).toBeLessThanOrEqual(1);
    }
  });

  it('answers the checkout status check in at most one RPC round trip', async () => {
    const { paymentId } = await h.placeOrder('5.30');
    const reply = await h.request(`${h.stack.urls.purple}/checkout/payments/${paymentId}`);
    expect(reply.status).toBe(200);
    expect(roundTrips(reply.headers)).toBeLessThanOrEqual(1);
  });
});

describe('resolve right after settle', () => {
  it('settles a payment the webhook saw at confirmed within that delivery, once it is final', async () => {
    const chain = h.stack.chain!;
    const { paymentId, gid } = await h.placeOrder('6.40');
    const transaction = await fetchTransaction(
      h.connection,
      chain.buyer.publicKey,
      `${h.stack.urls.purple}/tx/payment/${paymentId}`,
    );
    transaction.partialSign(chain.buyer);
    const signature = await h.connection.sendRawTransaction(transaction.serialize());
    const latest = await h.connection.getLatestBlockhash('confirmed');
    await h.connection.confirmTransaction({ signature, ...latest }, 'confirmed');

    const delivered = await h.webhook([{ signature }]);
    expect(delivered.status).toBe(200);
    expect(delivered.json).toEqual({ received: 1, settled: 1 });
    const resolves = h.stack
      .simulator!.mutations()
      .filter((m) => m.mutation === 'paymentSessionResolve' && m.variables.id === gid);
    expect(resolves).toHaveLength(1);
  });
});
