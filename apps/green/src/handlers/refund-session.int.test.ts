/**
 * Green `POST /refund` over real mTLS on the local stack: idempotency under concurrency, the
 * refundable-amount rule, and immediate (outbox) rejects for refunds that cannot be paid.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  startPaymentHarness,
  until,
  type PaymentHarness,
  type Reply,
} from '../../../purple/src/test-support/payment-harness';
import { placePaidOrder } from '../../../purple/src/test-support/merchant-harness';

let h: PaymentHarness;
let paid: { orderId: string; paymentId: string };
let shopifyPaymentId: string;

function postRefund(
  body: Record<string, unknown> | string,
  headers: Record<string, string> = {},
): Promise<Reply> {
  return h.request(`${h.stack.urls.green}/refund`, {
    method: 'POST',
    mtls: true,
    headers: {
      'content-type': 'application/json',
      'shopify-shop-domain': h.stack.demoShop.domain,
      'shopify-request-id': randomUUID(),
      'shopify-api-version': '2026-10',
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function refundBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const id = `refund-${randomUUID()}`;
  return {
    id,
    gid: `gid://shopify/RefundSession/${id}`,
    payment_id: shopifyPaymentId,
    amount: '1.00',
    currency: 'USD',
    test: true,
    merchant_locale: 'en',
    proposed_at: new Date().toISOString(),
    ...overrides,
  };
}

const rejectsQueuedFor = (refundId: string) =>
  h.stack.prisma.shopifyMutation.findMany({ where: { refundId, kind: 'REFUND_SESSION_REJECT' } });

beforeAll(async () => {
  h = await startPaymentHarness({ env: process.env, workers: [] });
  paid = await placePaidOrder(h, '10.00');
  const payment = await h.stack.prisma.paymentRecord.findUniqueOrThrow({
    where: { id: paid.paymentId },
  });
  shopifyPaymentId = payment.shopifyId;
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('POST /refund', () => {
  it('stores one OPEN refund for 20 concurrent identical requests, paying back the buyer wallet', async () => {
    const body = refundBody({ amount: '4.00' });
    const replies = await Promise.all(Array.from({ length: 20 }, () => postRefund(body)));
    expect(replies.map((reply) => reply.status)).toEqual(Array(20).fill(201));
    expect(replies.every((reply) => reply.text === '{}')).toBe(true);
    const rows = await h.stack.prisma.refundRecord.findMany({
      where: { shopifyId: String(body.id) },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      status: 'OPEN',
      paymentId: paid.paymentId,
      tokenAmount: 4_000_000n,
      recipientWallet: h.stack.chain!.buyer.publicKey.toBase58(),
      tokenMint: h.stack.chain!.mint.toBase58(),
    });
    expect(await rejectsQueuedFor(rows[0]!.id)).toHaveLength(0);
  }, 30_000);

  it('accepts an unknown payment with 201 but rejects it at once through the outbox', async () => {
    const body = refundBody({ payment_id: `unknown-${randomUUID()}` });
    const reply = await postRefund(body);
    expect(reply.status).toBe(201);
    const row = await h.stack.prisma.refundRecord.findFirstOrThrow({
      where: { shopifyId: String(body.id) },
    });
    expect(row).toMatchObject({ status: 'REJECTED', paymentId: null, recipientWallet: null });
    const queued = await rejectsQueuedFor(row.id);
    expect(queued).toHaveLength(1);
    expect(queued[0]?.payload).toMatchObject({
      variables: {
        id: body.gid,
        reason: {
          code: 'PROCESSING_ERROR',
          merchantMessage: expect.stringMatching(/No Solana Pay payment/),
        },
      },
      apiVersion: '2026-10',
    });
    // A duplicate neither changes the row nor queues a second reject.
    expect((await postRefund(body)).status).toBe(201);
    expect(await rejectsQueuedFor(row.id)).toHaveLength(1);
  });

  it('rejects a currency mismatch', async () => {
    const body = refundBody({ currency: 'EUR' });
    expect((await postRefund(body)).status).toBe(201);
    const row = await h.stack.prisma.refundRecord.findFirstOrThrow({
      where: { shopifyId: String(body.id) },
    });
    expect(row.status).toBe('REJECTED');
    expect(row.rejectReason).toMatch(/EUR differs from the payment currency USD/);
  });

  it('accepts partial refunds up to the payment amount and rejects the one beyond (Shopify told once)', async () => {
    // 4.00 is already open (first test): 10.00 - 4.00 = 6.00 left.
    const sim = h.stack.simulator!;
    const second = await sim.issueRefund({ orderId: paid.orderId, amount: '2.50' });
    const third = await sim.issueRefund({ orderId: paid.orderId, amount: '3.50' });
    expect([second.status, third.status]).toEqual([201, 201]);
    const over = await sim.issueRefund({ orderId: paid.orderId, amount: '0.01', force: true });
    expect(over.status).toBe(201);

    const statusOf = async (gid: string) =>
      (await h.stack.prisma.refundRecord.findFirstOrThrow({ where: { gid } })).status;
    expect(await statusOf(second.gid)).toBe('OPEN');
    expect(await statusOf(third.gid)).toBe('OPEN');
    expect(await statusOf(over.gid)).toBe('REJECTED');
    const rejected = await h.stack.prisma.refundRecord.findFirstOrThrow({
      where: { gid: over.gid },
    });
    expect(rejected.rejectReason).toBe(
      'The refund of 0.01 USD is more than the 0.00 USD left to refund on this payment',
    );

    const rejects = () =>
      sim
        .mutations()
        .filter((m) => m.mutation === 'refundSessionReject' && m.variables.id === over.gid);
    await until(async () => (rejects().length > 0 ? true : undefined), 'the refund reject');
    expect(rejects()).toHaveLength(1);
    expect(rejects()[0]).toMatchObject({ answeredWith: 'success' });
    expect(
      sim.mutations().filter((m) => [second.gid, third.gid].includes(String(m.variables.id))),
    ).toHaveLength(0);
  });

  it('never lets concurrent different refunds of one payment exceed it', async () => {
    const fresh = await placePaidOrder(h, '3.00');
    const payment = await h.stack.prisma.paymentRecord.findUniqueOrThrow({
      where: { id: fresh.paymentId },
    });
    const bodies = Array.from({ length: 6 }, () =>
      refundBody({ payment_id: payment.shopifyId, amount: '1.00' }),
    );
    const replies = await Promise.all(bodies.map((body) => postRefund(body)));
    expect(replies.map((reply) => reply.status)).toEqual(Array(6).fill(201));
    const rows = await h.stack.prisma.refundRecord.findMany({
      where: { paymentId: fresh.paymentId },
    });
    expect(rows.filter((row) => row.status === 'OPEN')).toHaveLength(3);
    expect(rows.filter((row) => row.status === 'REJECTED')).toHaveLength(3);
  }, 60_000);

  it.each([
    ['malformed JSON', '{"id":', {}],
    [
      'a missing gid',
      (() => {
        const b = refundBody();
        delete b.gid;
        return b;
      })(),
      {},
    ],
    ['a float-looking amount', refundBody({ amount: '1e3' }), {}],
    ['a bad shop header', refundBody(), { 'shopify-shop-domain': 'evil.com' }],
  ])('answers 400 for %s and stores nothing', async (_what, body, headers) => {
    const before = await h.stack.prisma.refundRecord.count();
    const reply = await postRefund(
      body as Record<string, unknown> | string,
      headers as Record<string, string>,
    );
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    expect(await h.stack.prisma.refundRecord.count()).toBe(before);
  });

  it('answers 404 for a shop that never installed the app', async () => {
    const reply = await postRefund(refundBody(), {
      'shopify-shop-domain': 'stranger.myshopify.com',
    });
    expect(reply.status).toBe(404);
  });
});
