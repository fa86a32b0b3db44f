/**
 * No request waits for a burn to reach finality (issue 13 item 3, DESIGN §3.2), on the local
 * stack with slow finality (`LOCAL_FINALITY_MS=13000`, a real cluster's ~13 s): the portal's
 * refund reject answers `rejecting` at once with the record `REJECTING`, and the discovery poll
 * finishes it — `REJECTED` with exactly one `refundSessionReject` once the burn is final, or
 * `PAID` with exactly one resolve when the refund payment landed first. No background worker
 * runs: the test calls the poll itself, so the order of events is the test's.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { fetchTransaction } from '@solana/pay';
import { PublicKey, type Transaction } from '@solana/web3.js';
import { runDiscoveryPoll, type EngineDeps } from '@solpay/domain';
import { transactionEngine } from '@solpay/composition';
import { startPaymentHarness, until, type PaymentHarness } from '../test-support/payment-harness';
import {
  placePaidOrder,
  portal,
  signIn,
  successfulMutations,
  type PortalLogin,
} from '../test-support/merchant-harness';

jest.setTimeout(120_000);

let h: PaymentHarness;
let engine: EngineDeps;
let login: PortalLogin;
let orderId: string;

const chain = () => h.stack.chain!;
const sim = () => h.stack.simulator!;
const calls = (mutation: string, gid: string) => successfulMutations(h, mutation, gid);
const refund = (id: string) => h.stack.prisma.refundRecord.findUniqueOrThrow({ where: { id } });

async function newRefund(amount = '1.00'): Promise<{ id: string; gid: string }> {
  const issued = await sim().issueRefund({ orderId, amount });
  expect(issued.status).toBe(201);
  const row = await h.stack.prisma.refundRecord.findFirstOrThrow({ where: { gid: issued.gid } });
  return { id: row.id, gid: issued.gid };
}

function serveRefund(refundId: string): Promise<Transaction> {
  return fetchTransaction(
    h.connection,
    chain().merchant.publicKey,
    `${h.stack.urls.purple}/tx/refund/${refundId}`,
  );
}

/** The refund's current guard address, as the engine derives it. */
async function guardOf(refundId: string): Promise<PublicKey> {
  const record = (await engine.records.findRecord('refund', refundId))!;
  const generation = await engine.records.currentGuardGeneration('refund', refundId);
  return new PublicKey(
    engine.chain.guardAddress({
      shop: record.shop,
      kind: 'refund',
      shopifyId: record.shopifyId,
      generation,
    }),
  );
}

/** Runs the discovery poll (as its timer would) until the refund leaves REJECTING. */
function pollUntilClosed(refundId: string) {
  return until(
    async () => {
      await runDiscoveryPoll(engine);
      const row = await refund(refundId);
      if (row.status === 'REJECTING') {
        await new Promise((resolve) => setTimeout(resolve, 250));
        return undefined;
      }
      return row;
    },
    'the poll to finish the reject',
    60_000,
  );
}

/** Waits until Shopify got `mutation` for `gid`. */
function sent(mutation: string, gid: string) {
  return until(
    async () => (calls(mutation, gid).length > 0 ? true : undefined),
    `${mutation} for ${gid}`,
  );
}

beforeAll(async () => {
  process.env.LOCAL_FINALITY_MS = '13000';
  h = await startPaymentHarness({ env: process.env, workers: [] });
  engine = transactionEngine();
  login = await signIn(h);
  ({ orderId } = await placePaidOrder(h, '100.00'));
}, 180_000);

afterAll(async () => {
  await h?.close();
  delete process.env.LOCAL_FINALITY_MS;
});

describe('a refund reject never waits for finality', () => {
  it('answers "rejecting" before the burn is final, and the poll ends it REJECTED with one refundSessionReject', async () => {
    const { id, gid } = await newRefund();
    // Something was served, so the reject must burn the guard.
    await serveRefund(id);

    const reply = await portal(h, login, `/portal/refunds/${id}/reject`, {
      method: 'POST',
      body: { reason: 'Customer kept the item' },
    });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ outcome: 'rejecting' });
    expect((await refund(id)).status).toBe('REJECTING');
    expect(calls('refundSessionReject', gid)).toHaveLength(0);
    const guard = await guardOf(id);
    const finalized = () => h.connection.getSignaturesForAddress(guard, {}, 'finalized');
    expect(await finalized()).toHaveLength(0);

    const closed = await pollUntilClosed(id);
    expect(closed.status).toBe('REJECTED');
    // Completed only once the burn is final.
    expect((await finalized()).filter((entry) => entry.err === null)).toHaveLength(1);
    await sent('refundSessionReject', gid);
    expect(calls('refundSessionReject', gid)[0]?.args).toMatchObject({
      reason: { code: 'PROCESSING_ERROR', merchantMessage: 'Customer kept the item' },
    });

    // More poll runs and a second reject tell Shopify nothing new.
    await runDiscoveryPoll(engine);
    const again = await portal(h, login, `/portal/refunds/${id}/reject`, {
      method: 'POST',
      body: { reason: 'Customer kept the item' },
    });
    expect(again.json).toEqual({ outcome: 'rejected' });
    await runDiscoveryPoll(engine);
    expect(calls('refundSessionReject', gid)).toHaveLength(1);
    expect(calls('refundSessionResolve', gid)).toHaveLength(0);
  });

  it('a reject arriving while the refund payment is landing (not final) ends PAID with one resolve and no reject', async () => {
    const buyerBefore = await h.usdcBalance(chain().buyer.publicKey);
    const { id, gid } = await newRefund();
    const transaction = await serveRefund(id);
    transaction.partialSign(chain().merchant);
    const signature = await h.connection.sendRawTransaction(transaction.serialize(), {
      skipPreflight: true,
    });
    await until(async () => {
      const { value } = await h.connection.getSignatureStatuses([signature]);
      return value[0]?.confirmationStatus === 'confirmed' ? true : undefined;
    }, 'the refund payment to be confirmed');

    const reply = await portal(h, login, `/portal/refunds/${id}/reject`, {
      method: 'POST',
      body: { reason: 'Too late' },
    });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ outcome: 'rejecting' });

    const closed = await pollUntilClosed(id);
    expect(closed).toMatchObject({ status: 'PAID', signature });
    await sent('refundSessionResolve', gid);
    await runDiscoveryPoll(engine);
    expect(calls('refundSessionResolve', gid)).toHaveLength(1);
    expect(calls('refundSessionReject', gid)).toHaveLength(0);
    expect(await h.usdcBalance(chain().buyer.publicKey)).toBe(buyerBefore + 1_000_000n);
  });
});
