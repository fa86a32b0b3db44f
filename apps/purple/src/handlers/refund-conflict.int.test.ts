/**
 * The refund conflict rule (DESIGN §3.2), proven against the local chain, the real database and
 * the Shopify simulator: paying and rejecting one refund can never both happen, and Shopify is
 * told exactly one of resolve / reject.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fetchTransaction } from '@solana/pay';
import type { Transaction } from '@solana/web3.js';
import { runDiscoveryPoll } from '@solpay/domain';
import { transactionEngine } from '@solpay/composition';
import {
  startPaymentHarness,
  until,
  type PaymentHarness,
  type Reply,
} from '../test-support/payment-harness';
import {
  placePaidOrder,
  portal,
  signIn,
  successfulMutations,
  type PortalLogin,
} from '../test-support/merchant-harness';

let h: PaymentHarness;
let login: PortalLogin;
let orderId: string;

const chain = () => h.stack.chain!;
const sim = () => h.stack.simulator!;
const calls = (mutation: string, gid: string) => successfulMutations(h, mutation, gid);

/** Issues a refund in the simulator admin and returns our record's id and Shopify's gid. */
async function newRefund(amount = '1.00'): Promise<{ id: string; gid: string }> {
  const issued = await sim().issueRefund({ orderId, amount });
  expect(issued.status).toBe(201);
  const row = await h.stack.prisma.refundRecord.findFirstOrThrow({ where: { gid: issued.gid } });
  expect(row.status).toBe('OPEN');
  return { id: row.id, gid: issued.gid };
}

/** The merchant's wallet fetches the refund transaction (Solana Pay transaction request). */
function serveRefund(refundId: string): Promise<Transaction> {
  return fetchTransaction(
    h.connection,
    chain().merchant.publicKey,
    `${h.stack.urls.purple}/tx/refund/${refundId}`,
  );
}

/** Signs as the merchant, sends without preflight, waits for finality; returns the on-chain error. */
async function land(transaction: Transaction): Promise<{ signature: string; err: unknown }> {
  const signature = await h.sendAndFinalize(transaction, [chain().merchant]);
  const { value } = await h.connection.getSignatureStatuses([signature], {
    searchTransactionHistory: true,
  });
  return { signature, err: value[0]?.err ?? null };
}

function reject(refundId: string, reason = 'Customer kept the item'): Promise<Reply> {
  return portal(h, login, `/portal/refunds/${refundId}/reject`, {
    method: 'POST',
    body: { reason },
  });
}

/**
 * Rejects; while the answer is "rejecting" (the burn or a landing payment is not at the
 * commitment yet), runs the discovery poll — which finishes REJECTING records in the
 * background — and asks again, as the portal would, until the outcome is decided.
 */
async function rejectUntilDecided(refundId: string): Promise<Reply> {
  const first = await reject(refundId);
  if (first.status !== 200 || first.json?.outcome !== 'rejecting') return first;
  return until(async () => {
    await runDiscoveryPoll(transactionEngine());
    const reply = await reject(refundId);
    return reply.json?.outcome === 'rejecting' ? undefined : reply;
  }, 'a decided reject');
}

/** Waits until Shopify got `mutation` for `gid` once, then gives the dispatcher a moment more. */
async function settled(mutation: string, gid: string): Promise<void> {
  await until(
    async () => (calls(mutation, gid).length > 0 ? true : undefined),
    `${mutation} for ${gid}`,
  );
}

beforeAll(async () => {
  h = await startPaymentHarness({ env: process.env, workers: [] });
  login = await signIn(h);
  ({ orderId } = await placePaidOrder(h, '100.00'));
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('refund: pay or reject, never both', () => {
  it('(a) a reject burns the guard first: the served refund transaction then fails on chain', async () => {
    const buyerBefore = await h.usdcBalance(chain().buyer.publicKey);
    const { id, gid } = await newRefund();
    const transaction = await serveRefund(id);

    const rejected = await rejectUntilDecided(id);
    expect(rejected.status).toBe(200);
    expect(rejected.json).toEqual({ outcome: 'rejected' });

    const landed = await land(transaction);
    expect(landed.err).toEqual({ InstructionError: [0, { Custom: 0 }] });

    await settled('refundSessionReject', gid);
    expect(calls('refundSessionReject', gid)).toHaveLength(1);
    expect(calls('refundSessionReject', gid)[0]?.args).toMatchObject({
      reason: { code: 'PROCESSING_ERROR', merchantMessage: 'Customer kept the item' },
    });
    expect(calls('refundSessionResolve', gid)).toHaveLength(0);
    expect(await h.usdcBalance(chain().buyer.publicKey)).toBe(buyerBefore);
    const row = await h.stack.prisma.refundRecord.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe('REJECTED');
    // Rejecting again answers the same and tells Shopify nothing new.
    expect((await reject(id)).json).toEqual({ outcome: 'rejected' });
    expect(calls('refundSessionReject', gid)).toHaveLength(1);
  }, 30_000);

  it('(b) a refund that landed first is resolved, never rejected ("paid-instead")', async () => {
    const buyerBefore = await h.usdcBalance(chain().buyer.publicKey);
    const { id, gid } = await newRefund();
    const landed = await land(await serveRefund(id));
    expect(landed.err).toBeNull();

    const rejected = await rejectUntilDecided(id);
    expect(rejected.status).toBe(200);
    expect(rejected.json).toEqual({ outcome: 'paid-instead', signature: landed.signature });

    await settled('refundSessionResolve', gid);
    expect(calls('refundSessionResolve', gid)).toHaveLength(1);
    expect(calls('refundSessionReject', gid)).toHaveLength(0);
    expect(await h.usdcBalance(chain().buyer.publicKey)).toBe(buyerBefore + 1_000_000n);
    const row = await h.stack.prisma.refundRecord.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'PAID', signature: landed.signature });
  }, 30_000);

  it('(c) landing and rejecting at the same time end in exactly one outcome, 5 times', async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < 5; round++) {
      const buyerBefore = await h.usdcBalance(chain().buyer.publicKey);
      const { id, gid } = await newRefund();
      const transaction = await serveRefund(id);
      const [landed, rejected] = await Promise.all([land(transaction), rejectUntilDecided(id)]);
      expect(rejected.status).toBe(200);
      const row = await h.stack.prisma.refundRecord.findUniqueOrThrow({ where: { id } });
      if (row.status === 'PAID') {
        expect(landed.err).toBeNull();
        expect(rejected.json).toMatchObject({ outcome: 'paid-instead' });
        await settled('refundSessionResolve', gid);
        expect(calls('refundSessionResolve', gid)).toHaveLength(1);
        expect(calls('refundSessionReject', gid)).toHaveLength(0);
        expect(await h.usdcBalance(chain().buyer.publicKey)).toBe(buyerBefore + 1_000_000n);
      } else {
        expect(row.status).toBe('REJECTED');
        expect(landed.err).not.toBeNull();
        expect(rejected.json).toEqual({ outcome: 'rejected' });
        await settled('refundSessionReject', gid);
        expect(calls('refundSessionReject', gid)).toHaveLength(1);
        expect(calls('refundSessionResolve', gid)).toHaveLength(0);
        expect(await h.usdcBalance(chain().buyer.publicKey)).toBe(buyerBefore);
      }
      outcomes.push(row.status);
    }
    expect(outcomes).toHaveLength(5);
  }, 120_000);
});
