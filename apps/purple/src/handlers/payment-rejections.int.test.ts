/**
 * What must never pay: bad input on every payment-path route (4xx, nothing written), a risky
 * wallet (403 and a recorded hit; the session stays payable, and is rejected RISKY at expiry if
 * only flagged wallets tried) and an expired payment (rejected by the discovery poll timer;
 * never served, so no guard burn is needed). Runs the local stack with its real
 * background workers (`npm start`'s list: retry queue, poll every 2 s, outbox sweep).
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Keypair } from '@solana/web3.js';
import { backgroundWorkers } from '@solpay/local';
import { startPaymentHarness, until, type PaymentHarness } from '../test-support/payment-harness';
import { portal, signIn, type PortalLogin } from '../test-support/merchant-harness';

jest.setTimeout(30_000);

const risky = Keypair.generate();
let h: PaymentHarness;

const chain = () => h.stack.chain!;
let signedIn: PortalLogin | undefined;
const login = async () => (signedIn ??= await signIn(h));
const rejectsFor = (gid: string) =>
  h.stack
    .simulator!.successfulMutations('paymentSessionReject')
    .filter((m) => m.variables.id === gid);
const rowCounts = async () => {
  const { prisma } = h.stack;
  return {
    payments: await prisma.paymentRecord.count(),
    served: await prisma.servedTransaction.count(),
    guards: await prisma.singleUseGuard.count(),
    mutations: await prisma.shopifyMutation.count(),
  };
};
const postJson = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  h.request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

beforeAll(async () => {
  h = await startPaymentHarness({
    env: process.env,
    workers: backgroundWorkers,
    denied: [risky.publicKey.toBase58()],
  });
}, 90_000);

afterAll(async () => {
  await h?.close();
});

describe('input that must change nothing', () => {
  it('answers 4xx { code, message } on every route and writes no row', async () => {
    const { paymentId } = await h.placeOrder('3.00');
    const before = await rowCounts();
    const { purple, green } = h.stack.urls;
    const sessionHeaders = {
      'content-type': 'application/json',
      'shopify-shop-domain': h.stack.demoShop.domain,
      'shopify-request-id': randomUUID(),
      'shopify-api-version': '2026-10',
    };
    const id = `bad-${randomUUID()}`;
    const session = {
      id,
      gid: `gid://shopify/PaymentSession/${id}`,
      group: 'g',
      amount: '10.00',
      currency: 'USD',
      test: true,
      payment_method: { type: 'offsite', data: { cancel_url: 'https://shop.example/c' } },
      kind: 'sale',
    };
    const greenPost = (body: string, headers: Record<string, string> = sessionHeaders) =>
      h.request(`${green}/payment`, { method: 'POST', mtls: true, headers, body });
    const { gid: _gid, ...withoutGid } = session;
    const { 'shopify-shop-domain': _shop, ...withoutShop } = sessionHeaders;
    const account = chain().buyer.publicKey.toBase58();

    const cases: Array<[string, Promise<Awaited<ReturnType<PaymentHarness['request']>>>, number]> =
      [
        ['payment: malformed JSON', greenPost('{"id":'), 400],
        ['payment: missing gid', greenPost(JSON.stringify(withoutGid)), 400],
        ['payment: missing shop header', greenPost(JSON.stringify(session), withoutShop), 400],
        [
          'payment: unknown shop',
          greenPost(JSON.stringify(session), {
            ...sessionHeaders,
            'shopify-shop-domain': 'stranger.myshopify.com',
          }),
          404,
        ],
        [
          'payment: XAF (no price feed)',
          greenPost(JSON.stringify({ ...session, currency: 'XAF' })),
          422,
        ],
        [
          'payment: ZZZ (no currency)',
          greenPost(JSON.stringify({ ...session, currency: 'ZZZ' })),
          400,
        ],
        [
          'payment: authorization',
          greenPost(JSON.stringify({ ...session, kind: 'authorization' })),
          422,
        ],
        [
          'payment: live session on a test cluster',
          greenPost(JSON.stringify({ ...session, test: false })),
          422,
        ],
        [
          'payment: API version from the future',
          greenPost(JSON.stringify(session), {
            ...sessionHeaders,
            'shopify-api-version': '2099-01',
          }),
          400,
        ],
        ['tx: no account', postJson(`${purple}/tx/payment/${paymentId}`, {}), 400],
        [
          'tx: bad account',
          postJson(`${purple}/tx/payment/${paymentId}`, { account: '0OIl' }),
          400,
        ],
        [
          'tx: not JSON',
          h.request(`${purple}/tx/payment/${paymentId}`, {
            method: 'POST',
            headers: { 'content-type': 'text/plain' },
            body: 'x',
          }),
          415,
        ],
        ['tx: unknown kind', postJson(`${purple}/tx/invoice/${paymentId}`, { account }), 404],
        ['tx: id not a UUID', postJson(`${purple}/tx/payment/not-a-uuid`, { account }), 404],
        ['tx: unknown id', postJson(`${purple}/tx/payment/${randomUUID()}`, { account }), 404],
        ['tx GET: unknown id', h.request(`${purple}/tx/refund/${randomUUID()}`), 404],
        ['status: id not a UUID', h.request(`${purple}/checkout/payments/nope`), 404],
        ['status: unknown id', h.request(`${purple}/checkout/payments/${randomUUID()}`), 404],
        ['webhook: no secret', postJson(`${purple}/webhooks/helius`, []), 401],
        ['webhook: wrong secret', h.webhook([], 'not-the-secret'), 401],
        ['webhook: not an array', h.webhook({ signature: 'x' }), 400],
        [
          'webhook: malformed JSON',
          postJson(`${purple}/webhooks/helius`, '[{', {
            authorization: process.env.HELIUS_WEBHOOK_SECRET ?? '',
          }),
          400,
        ],
      ];
    for (const [label, pending, status] of cases) {
      const reply = await pending;
      expect({ label, status: reply.status }).toEqual({ label, status });
      expect({ label, code: typeof reply.json?.code, message: typeof reply.json?.message }).toEqual(
        { label, code: 'string', message: 'string' },
      );
      if (label.startsWith('tx')) expect(reply.headers['access-control-allow-origin']).toBe('*');
    }
    expect(await rowCounts()).toEqual(before);

    const preflight = await h.request(`${purple}/tx/payment/${paymentId}`, {
      method: 'OPTIONS',
      headers: { origin: 'https://wallet.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
  });
});

describe('rejections', () => {
  it('refuses a risky wallet with 403, records the hit, and leaves the session payable (no griefing)', async () => {
    await chain().airdrop(risky.publicKey, 1_000_000_000n);
    await chain().mintTo(risky.publicKey, 100_000_000n);
    const { paymentId, gid } = await h.placeOrder('7.00');
    const link = `${h.stack.urls.purple}/tx/payment/${paymentId}`;

    const refused = await postJson(link, { account: risky.publicKey.toBase58() });
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ code: 'FORBIDDEN', message: expect.any(String) });
    expect(await h.stack.prisma.servedTransaction.count({ where: { paymentId } })).toBe(0);

    // Anyone who knows a payment id could post a flagged address: that must not kill the session.
    const row = await h.stack.prisma.paymentRecord.findUniqueOrThrow({ where: { id: paymentId } });
    expect(row).toMatchObject({ status: 'OPEN', screeningHits: 1 });
    const listed = await portal(h, await login(), '/portal/payments');
    const item = (listed.json?.items as Array<{ id: string; screeningHits: number }>).find(
      (candidate) => candidate.id === paymentId,
    );
    expect(item?.screeningHits).toBe(1);

    const clean = await postJson(link, { account: chain().buyer.publicKey.toBase58() });
    expect(clean.status).toBe(200);
    expect(rejectsFor(gid)).toHaveLength(0);
  });

  it('rejects RISKY at expiry a session that only had flagged attempts', async () => {
    const { paymentId, gid } = await h.placeOrder('7.50');
    const link = `${h.stack.urls.purple}/tx/payment/${paymentId}`;
    expect((await postJson(link, { account: risky.publicKey.toBase58() })).status).toBe(403);
    const before = await h.stack.prisma.paymentRecord.findUniqueOrThrow({
      where: { id: paymentId },
    });
    expect(before.status).toBe('OPEN');
    expect(rejectsFor(gid)).toHaveLength(0);
    await h.stack.prisma.paymentRecord.update({
      where: { id: paymentId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await until(async () => (rejectsFor(gid).length > 0 ? true : undefined), 'the reject');
    expect(rejectsFor(gid)).toHaveLength(1);
    expect(rejectsFor(gid)[0]?.variables.reason).toMatchObject({ code: 'RISKY' });
    const row = await h.stack.prisma.paymentRecord.findUniqueOrThrow({ where: { id: paymentId } });
    expect(row).toMatchObject({ status: 'REJECTED', rejectCode: 'RISKY' });
  });

  it('lets the poll timer reject an expired, never-served payment once, without a burn', async () => {
    const { paymentId, gid } = await h.placeOrder('8.00');
    await h.stack.prisma.paymentRecord.update({
      where: { id: paymentId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const rejected = await until(async () => {
      const row = await h.stack.prisma.paymentRecord.findUniqueOrThrow({
        where: { id: paymentId },
      });
      return row.status === 'REJECTED' ? row : undefined;
    }, 'the poll to reject the expired payment');
    expect(rejected.rejectCode).toBe('EXPIRED');
    // Never served: rejected without a burn (nothing signed by its guard exists).
    expect(await h.stack.prisma.singleUseGuard.count({ where: { paymentId } })).toBe(0);
    await until(async () => (rejectsFor(gid).length > 0 ? true : undefined), 'the reject');
    // A few more poll rounds must not send it again.
    await new Promise((resolve) => setTimeout(resolve, 4500));
    expect(rejectsFor(gid)).toHaveLength(1);
    // The session arrived in 2026-10, which has CANCELLED_PAYMENT (ADR 0005).
    expect(rejectsFor(gid)[0]?.variables.reason).toMatchObject({ code: 'CANCELLED_PAYMENT' });
    const wallet = await h.request(`${h.stack.urls.purple}/tx/payment/${paymentId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ account: chain().buyer.publicKey.toBase58() }),
    });
    expect(wallet.status).toBe(410);
  });
});
