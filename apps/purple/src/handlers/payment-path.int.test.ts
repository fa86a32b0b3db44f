/**
 * The payment path end to end on the local stack (real mTLS to green, purple over HTTPS, the
 * local chain, the Shopify simulator, embedded PostgreSQL), with `@solana/pay`'s
 * `fetchTransaction` acting as the wallet. The discovery poll timer is left out so that each
 * test decides which discovery path runs (webhook, poll, status check).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { fetchTransaction, parseURL, type TransactionRequestURL } from '@solana/pay';
import { createTransferCheckedInstruction, getAssociatedTokenAddressSync } from '@solana/spl-token';
import { PublicKey, Transaction } from '@solana/web3.js';
import { retryQueueWorker, scheduleWorker } from '@solpay/local';
import { startPaymentHarness, until, type PaymentHarness } from '../test-support/payment-harness';

let h: PaymentHarness;

const chain = () => h.stack.chain!;
const sim = () => h.stack.simulator!;
const resolvesFor = (gid: string) =>
  sim()
    .mutations()
    .filter((m) => m.mutation === 'paymentSessionResolve' && m.variables.id === gid);
const statusOf = (paymentId: string) =>
  h.request(`${h.stack.urls.purple}/checkout/payments/${paymentId}`);
const linkOf = (solanaPayUrl: string) =>
  (parseURL(solanaPayUrl) as TransactionRequestURL).link.toString();

beforeAll(async () => {
  h = await startPaymentHarness({
    env: process.env,
    workers: [retryQueueWorker, scheduleWorker({ functionName: 'outboxSweep', intervalMs: 5000 })],
  });
}, 90_000);

afterAll(async () => {
  await h?.close();
});

describe('payment path', () => {
  it('pays an order: checkout page → wallet → chain → webhook → Shopify resolve → PAID', async () => {
    const merchantBefore = await h.usdcBalance(chain().merchant.publicKey);
    const { paymentId, gid, redirectUrl } = await h.placeOrder('49.90');
    expect(redirectUrl).toBe(`${h.stack.urls.checkout}/pay/${paymentId}`);

    const open = await statusOf(paymentId);
    expect(open.status).toBe(200);
    expect(open.json).toMatchObject({
      status: 'OPEN',
      amount: '49.90',
      currency: 'USD',
      tokenAmount: '49.90',
      merchantName: 'Demo Shop',
      recipient: chain().merchant.publicKey.toBase58(),
      mint: chain().mint.toBase58(),
    });
    expect(open.json?.redirectUrl).toBeUndefined();
    const link = linkOf(String(open.json?.solanaPayUrl));
    expect(link).toBe(`${h.stack.urls.purple}/tx/payment/${paymentId}`);

    const meta = await h.request(link);
    expect(meta.status).toBe(200);
    expect(meta.headers['access-control-allow-origin']).toBe('*');
    expect(meta.json).toEqual({
      label: 'Demo Shop (USDC)',
      icon: `${h.stack.urls.checkout}/icon.svg`,
    });
    const icon = await h.request(String(meta.json?.icon));
    expect(icon.status).toBe(200);
    expect(icon.headers['content-type']).toMatch(/image\/svg\+xml/);

    const transaction = await fetchTransaction(h.connection, chain().buyer.publicKey, link);
    expect(transaction.feePayer?.equals(chain().gas.publicKey)).toBe(true);
    const signature = await h.sendAndFinalize(transaction, [chain().buyer]);

    const delivered = await h.webhook([await h.rawTransaction(signature)]);
    expect(delivered.status).toBe(200);
    expect(delivered.json).toEqual({ received: 1, settled: 1 });

    const paid = await until(async () => {
      const reply = await statusOf(paymentId);
      return reply.json?.redirectUrl ? reply : undefined;
    }, 'the redirect URL');
    expect(paid.json?.status).toBe('PAID');
    expect(paid.json?.redirectUrl).toEqual(expect.stringMatching(/^https?:\/\//));
    expect(resolvesFor(gid)).toHaveLength(1);
    expect(resolvesFor(gid)[0]).toMatchObject({ answeredWith: 'success', apiVersion: '2026-10' });
    expect(await h.usdcBalance(chain().merchant.publicKey)).toBe(merchantBefore + 49_900_000n);

    // Paid: the wallet gets 409, and a replayed webhook changes nothing.
    const again = await h.request(link, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ account: chain().buyer.publicKey.toBase58() }),
    });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ code: 'CONFLICT', message: 'This payment is already paid' });
    expect((await h.webhook([await h.rawTransaction(signature)])).json).toEqual({
      received: 1,
      settled: 0,
    });
    expect(resolvesFor(gid)).toHaveLength(1);
  });

  it('answers 20 concurrent identical payment sessions with one record and one redirect URL', async () => {
    const id = `concurrent-${randomUUID()}`;
    const body = JSON.stringify({
      id,
      gid: `gid://shopify/PaymentSession/${id}`,
      group: 'group-1',
      session_id: 'session-1',
      amount: '19.99',
      currency: 'USD',
      test: true,
      merchant_locale: 'en',
      payment_method: { type: 'offsite', data: { cancel_url: 'https://shop.example/cancel' } },
      proposed_at: new Date().toISOString(),
      customer: null,
      kind: 'sale',
    });
    const replies = await Promise.all(
      Array.from({ length: 20 }, () =>
        h.request(`${h.stack.urls.green}/payment`, {
          method: 'POST',
          mtls: true,
          headers: {
            'content-type': 'application/json',
            'shopify-shop-domain': h.stack.demoShop.domain,
            'shopify-request-id': randomUUID(),
            'shopify-api-version': '2026-10',
          },
          body,
        }),
      ),
    );
    expect(replies.map((reply) => reply.status)).toEqual(Array(20).fill(201));
    expect(new Set(replies.map((reply) => reply.json?.redirect_url)).size).toBe(1);
    const rows = await h.stack.prisma.paymentRecord.findMany({ where: { shopifyId: id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenAmount).toBe(19_990_000n);
    expect(replies[0]?.json?.redirect_url).toBe(`${h.stack.urls.checkout}/pay/${rows[0]?.id}`);
  });

  it('moves a payment once when webhook ×5, poll and status check see it concurrently', async () => {
    const { paymentId, gid } = await h.placeOrder('12.34');
    const link = `${h.stack.urls.purple}/tx/payment/${paymentId}`;
    const transaction = await fetchTransaction(h.connection, chain().buyer.publicKey, link);
    const signature = await h.sendAndFinalize(transaction, [chain().buyer]);
    const raw = await h.rawTransaction(signature);

    const [webhooks, poll, status] = await Promise.all([
      Promise.all(Array.from({ length: 5 }, () => h.webhook([raw]))),
      h.invoke('discoveryPoll') as Promise<{ paid: number }>,
      statusOf(paymentId),
    ]);
    expect(webhooks.map((reply) => reply.status)).toEqual(Array(5).fill(200));
    expect(status.status).toBe(200);
    const reportedPaid =
      webhooks.reduce((sum, reply) => sum + Number(reply.json?.settled ?? 0), 0) + poll.paid;
    expect(reportedPaid).toBeLessThanOrEqual(1);

    const row = await h.stack.prisma.paymentRecord.findUniqueOrThrow({ where: { id: paymentId } });
    expect(row).toMatchObject({
      status: 'PAID',
      signature,
      buyerWallet: chain().buyer.publicKey.toBase58(),
    });
    expect(await h.stack.prisma.shopifyMutation.count({ where: { paymentId } })).toBe(1);
    await until(async () => (resolvesFor(gid).length > 0 ? true : undefined), 'the resolve');
    expect(resolvesFor(gid)).toHaveLength(1);
  });

  it('never resolves a landed-but-failed transaction, nor a transfer paying 1 unit less', async () => {
    const { paymentId, gid } = await h.placeOrder('5.00');
    const link = `${h.stack.urls.purple}/tx/payment/${paymentId}`;
    const mint = chain().mint;

    // A served transaction that lands but fails: its wallet spent the USDC before signing.
    const spender = await chain().createFundedWallet({ usdc: 5_000_000n });
    const served = await fetchTransaction(h.connection, spender.publicKey, link);
    const drain = new Transaction({
      feePayer: spender.publicKey,
      ...(await h.connection.getLatestBlockhash()),
    }).add(
      createTransferCheckedInstruction(
        getAssociatedTokenAddressSync(mint, spender.publicKey),
        mint,
        getAssociatedTokenAddressSync(mint, chain().buyer.publicKey),
        spender.publicKey,
        5_000_000n,
        6,
      ),
    );
    await h.sendAndFinalize(drain, [spender]);
    const failed = await h.sendAndFinalize(served, [spender]);
    const failedTx = (await h.rawTransaction(failed)) as { meta: { err: unknown } };
    expect(failedTx.meta.err).not.toBeNull();

    // A buyer-built transfer with the payment's reference, 1 base unit short (no guard, not ours).
    const { referenceKey } = await h.stack.prisma.paymentRecord.findUniqueOrThrow({
      where: { id: paymentId },
    });
    const short = createTransferCheckedInstruction(
      getAssociatedTokenAddressSync(mint, chain().buyer.publicKey),
      mint,
      getAssociatedTokenAddressSync(mint, chain().merchant.publicKey),
      chain().buyer.publicKey,
      4_999_999n,
      6,
    );
    short.keys.push({ pubkey: new PublicKey(referenceKey), isSigner: false, isWritable: false });
    const shortSignature = await h.sendAndFinalize(
      new Transaction({
        feePayer: chain().buyer.publicKey,
        ...(await h.connection.getLatestBlockhash()),
      }).add(short),
      [chain().buyer],
    );

    const delivered = await h.webhook([
      await h.rawTransaction(failed),
      await h.rawTransaction(shortSignature),
    ]);
    expect(delivered.json).toEqual({ received: 2, settled: 0 });
    const poll = (await h.invoke('discoveryPoll')) as { paid: number };
    expect(poll.paid).toBe(0);
    expect((await statusOf(paymentId)).json?.status).toBe('OPEN');
    const servedRow = await h.stack.prisma.servedTransaction.findUniqueOrThrow({
      where: { signature: failed },
    });
    expect(servedRow.status).toBe('FAILED');
    expect(await h.stack.prisma.shopifyMutation.count({ where: { paymentId } })).toBe(0);
    expect(resolvesFor(gid)).toHaveLength(0);
  });
});
