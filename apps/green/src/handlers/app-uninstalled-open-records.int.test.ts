/**
 * `app/uninstalled` while the shop still has open payments and refunds (issue 11, defect 2), on
 * the local stack: the shop's open records stop being servable at once (410 on the checkout
 * status and the transaction request), records for which a transaction was served are closed
 * by burning their guard in the background (the discovery poll), the rest are closed at once,
 * a transaction that still lands before the burn is recorded and flagged for the operator, and
 * nothing — neither those closings nor mutations still waiting in the outbox — is sent to
 * Shopify, which cancels the sessions of an uninstalled app itself.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fetchTransaction } from '@solana/pay';
import type { Transaction } from '@solana/web3.js';
import { appCredentials, placePaidOrder } from '../../../purple/src/test-support/merchant-harness';
import {
  startPaymentHarness,
  until,
  type PaymentHarness,
} from '../../../purple/src/test-support/payment-harness';

let h: PaymentHarness;
let shop: string;

const chain = () => h.stack.chain!;
const sim = () => h.stack.simulator!;
const checkout = (paymentId: string) =>
  h.request(`${h.stack.urls.purple}/checkout/payments/${paymentId}`);
const txLink = (paymentId: string) => `${h.stack.urls.purple}/tx/payment/${paymentId}`;
const payment = (id: string) => h.stack.prisma.paymentRecord.findUniqueOrThrow({ where: { id } });

function uninstall(): Promise<{ status: number }> {
  const body = JSON.stringify({ id: 1, name: 'Demo Shop', myshopify_domain: shop });
  const hmac = createHmac('sha256', appCredentials(h).apiSecret)
    .update(body, 'utf8')
    .digest('base64');
  return h.request(`${h.stack.urls.green}/webhooks/app/uninstalled`, {
    method: 'POST',
    mtls: true,
    headers: {
      'content-type': 'application/json',
      'x-shopify-hmac-sha256': hmac,
      'x-shopify-topic': 'app/uninstalled',
      'x-shopify-shop-domain': shop,
      'x-shopify-api-version': '2026-10',
      'x-shopify-webhook-id': randomUUID(),
    },
    body,
  });
}

beforeAll(async () => {
  h = await startPaymentHarness({ env: process.env, workers: [] });
  shop = h.stack.demoShop.domain;
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('app/uninstalled with open payments and refunds', () => {
  it('stops serving at once, closes every record without telling Shopify, flags a late payment', async () => {
    // A paid order with an open refund, and a paid order whose resolve is still in the outbox.
    const refunded = await placePaidOrder(h, '2.00');
    const refund = await sim().issueRefund({ orderId: refunded.orderId, amount: '1.00' });
    expect(refund.status).toBe(201);
    sim().setOutage(true);
    const stuck = await placePaidOrder(h, '1.50');
    const pendingResolve = await h.stack.prisma.shopifyMutation.findFirstOrThrow({
      where: { paymentId: stuck.paymentId, kind: 'PAYMENT_SESSION_RESOLVE' },
    });
    expect(pendingResolve.status).toBe('PENDING');

    // Open payments: never served, served but never signed, served and signed (sent later).
    const unserved = await h.placeOrder('1.00');
    const served = await h.placeOrder('1.10');
    await fetchTransaction(h.connection, chain().buyer.publicKey, txLink(served.paymentId));
    const late = await h.placeOrder('1.20');
    const lateTransaction: Transaction = await fetchTransaction(
      h.connection,
      chain().buyer.publicKey,
      txLink(late.paymentId),
    );
    const sentBefore = sim().mutations().length;

    expect((await uninstall()).status).toBe(200);

    // Not servable any more: checkout status and both transaction-request verbs answer 410.
    for (const id of [unserved.paymentId, served.paymentId]) {
      const page = await checkout(id);
      expect(page.status).toBe(410);
      expect(page.json).toEqual({ code: 'GONE', message: expect.stringMatching(/no longer/) });
      const meta = await h.request(txLink(id));
      expect(meta.status).toBe(410);
      const post = await h.request(txLink(id), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ account: chain().buyer.publicKey.toBase58() }),
      });
      expect(post.status).toBe(410);
      expect(post.json).toMatchObject({ code: 'GONE' });
    }

    // Nothing served → closed at once; served → closing (burn in the background).
    expect(await payment(unserved.paymentId)).toMatchObject({ status: 'REJECTED' });
    expect(await payment(served.paymentId)).toMatchObject({ status: 'REJECTING' });
    const refundRow = await h.stack.prisma.refundRecord.findFirstOrThrow({
      where: { gid: refund.gid },
    });
    expect(refundRow.status).toBe('REJECTED');
    // The resolve that was waiting is not sent any more.
    expect(
      await h.stack.prisma.shopifyMutation.findUniqueOrThrow({ where: { id: pendingResolve.id } }),
    ).toMatchObject({ status: 'FAILED' });

    // A transaction signed before the uninstall lands before its guard is burned: recorded and
    // flagged for the operator (the buyer must be refunded by hand), never resolved.
    const signature = await h.sendAndFinalize(lateTransaction, [chain().buyer]);
    expect((await h.webhook([await h.rawTransaction(signature)])).status).toBe(200);
    const landed = await until(async () => {
      const row = await payment(late.paymentId);
      return row.status === 'PAID' ? row : undefined;
    }, 'the late payment to be recorded');
    expect(landed.signature).toBe(signature);
    expect(landed.orphanedAt).toBeInstanceOf(Date);

    // The background burn closes the served one: the poll sends it without waiting, and closes
    // the record on a run after it is final.
    await until(async () => {
      await h.invoke('discoveryPoll');
      return (await payment(served.paymentId)).status === 'REJECTED' ? true : undefined;
    }, 'the poll to close the served payment');
    const guard = await h.stack.prisma.singleUseGuard.findFirstOrThrow({
      where: { paymentId: served.paymentId },
      orderBy: { generation: 'desc' },
    });
    expect(guard.status).toBe('BURNED');

    // Shopify reachable again, outbox swept: still nothing was sent for this shop.
    sim().setOutage(false);
    await h.invoke('outboxSweep');
    expect(sim().mutations().slice(sentBefore)).toEqual([]);
    const waiting = await h.stack.prisma.shopifyMutation.count({
      where: { status: { in: ['PENDING', 'IN_FLIGHT'] }, merchant: { shopDomain: shop } },
    });
    expect(waiting).toBe(0);
    const flagged = await h.stack.prisma.paymentRecord.findMany({
      where: { status: 'PAID', orphanedAt: { not: null } },
      select: { id: true },
    });
    expect(flagged.map((row) => row.id).sort()).toEqual([late.paymentId, stuck.paymentId].sort());
  }, 240_000);
});
