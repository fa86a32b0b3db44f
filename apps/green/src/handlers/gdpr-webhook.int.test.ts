/**
 * Green GDPR webhooks over real mTLS on the local stack, sent by the Shopify simulator (or
 * signed here like Shopify does): HMAC over the raw body, both header families, replay by
 * webhook id, and proof in the database that the data is exported / gone.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fetchTransaction } from '@solana/pay';
import { findTextInDatabase } from '@solpay/db';
import { appCredentials, placePaidOrder } from '../../../purple/src/test-support/merchant-harness';
import {
  startPaymentHarness,
  until,
  type PaymentHarness,
  type Reply,
} from '../../../purple/src/test-support/payment-harness';

let h: PaymentHarness;
let shop: string;
let paid: { paymentId: string; signature: string };
const EMAIL = 'buyer@example.com';

const sim = () => h.stack.simulator!;
const requestCount = () => h.stack.prisma.gdprRequest.count();

function sign(body: string): string {
  return createHmac('sha256', appCredentials(h).apiSecret).update(body, 'utf8').digest('base64');
}

/** POSTs a webhook as Shopify would, with `overrides` applied to the headers. */
function post(
  topic: string,
  body: string,
  options: { webhookId?: string; hmac?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
  return h.request(`${h.stack.urls.green}/gdpr/${topic}`, {
    method: 'POST',
    mtls: true,
    headers: {
      'content-type': 'application/json',
      'x-shopify-hmac-sha256': options.hmac ?? sign(body),
      'x-shopify-topic': topic,
      'x-shopify-shop-domain': shop,
      'x-shopify-api-version': '2026-10',
      'x-shopify-webhook-id': options.webhookId ?? randomUUID(),
      'x-shopify-triggered-at': new Date().toISOString(),
      ...options.headers,
    },
    body,
  });
}

beforeAll(async () => {
  h = await startPaymentHarness({ env: process.env, workers: [] });
  shop = h.stack.demoShop.domain;
  paid = await placePaidOrder(h, '3.00');
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('signature checks (401, nothing recorded)', () => {
  const body = () =>
    JSON.stringify({ shop_domain: shop, customer: { email: EMAIL }, orders_to_redact: [] });

  it('rejects one changed byte, a pretty-printed body signed compact, and a missing HMAC', async () => {
    const before = await requestCount();
    const tampered = await sim().sendWebhook({ shop, topic: 'customers/redact', tamper: true });
    expect(tampered.status).toBe(401);

    const compact = body();
    const flipped = compact.replace(EMAIL, 'buyer@example.con');
    expect((await post('customers/redact', flipped, { hmac: sign(compact) })).status).toBe(401);

    const pretty = JSON.stringify(JSON.parse(compact), null, 2);
    const prettyReply = await post('customers/redact', pretty, { hmac: sign(compact) });
    expect(prettyReply.status).toBe(401);
    expect(prettyReply.json).toEqual({
      code: 'UNAUTHORIZED',
      message: 'Invalid webhook signature',
    });

    const unsigned = await post('customers/redact', compact, { hmac: '' });
    expect(unsigned.status).toBe(401);
    expect(await requestCount()).toBe(before);
    const row = await h.stack.prisma.paymentRecord.findUniqueOrThrow({
      where: { id: paid.paymentId },
    });
    expect(row.customerEmail).toBe(EMAIL);
  });

  it('rejects a topic header that does not match the path, and a foreign shop_domain (400)', async () => {
    const before = await requestCount();
    const compact = body();
    const wrongTopic = await post('customers/redact', compact, {
      headers: { 'x-shopify-topic': 'shop/redact' },
    });
    expect(wrongTopic.status).toBe(400);
    const foreign = JSON.stringify({
      shop_domain: 'other.myshopify.com',
      customer: { email: EMAIL },
    });
    expect((await post('customers/redact', foreign)).status).toBe(400);
    expect(await requestCount()).toBe(before);
  });
});

describe('customers/data_request', () => {
  it('stores the export of what we hold about the buyer, with both header families', async () => {
    for (const headerStyle of ['x-shopify', 'shopify'] as const) {
      const sent = await sim().sendWebhook({
        shop,
        topic: 'customers/data_request',
        headerStyle,
        payload: {
          shop_id: 1,
          shop_domain: shop,
          customer: { id: 7, email: EMAIL.toUpperCase(), phone: null },
          orders_requested: [11],
          data_request: { id: 99 },
        },
      });
      expect(sent.status).toBe(200);
      const request = await h.stack.prisma.gdprRequest.findUniqueOrThrow({
        where: { webhookId: sent.webhookId },
      });
      expect(request).toMatchObject({
        topic: 'CUSTOMERS_DATA_REQUEST',
        status: 'COMPLETED',
        shopDomain: shop,
      });
      const result = request.result as { payments: Array<Record<string, unknown>> };
      const payment = result.payments.find((p) => p.id === paid.paymentId);
      expect(payment).toMatchObject({
        email: EMAIL,
        amount: '3',
        signature: paid.signature,
        payingWallet: h.stack.chain!.buyer.publicKey.toBase58(),
        customer: expect.objectContaining({
          billing_address: expect.objectContaining({ family_name: 'Lovelace' }),
        }),
      });
    }
  });
});

describe('customers/redact after a data request', () => {
  it('leaves nothing that names the buyer in any table or column (exports and payloads included)', async () => {
    const PHONE = '+15555550100';
    const NAME = 'Lovelace';
    const exported = await sim().sendWebhook({
      shop,
      topic: 'customers/data_request',
      payload: {
        shop_domain: shop,
        customer: { id: 7, email: EMAIL, phone: PHONE },
        orders_requested: [],
      },
    });
    expect(exported.status).toBe(200);
    const needles = [{ text: EMAIL, caseInsensitive: true }, { text: PHONE }, { text: NAME }];
    // The buyer is in the database before: the search can find them.
    const before = await findTextInDatabase(h.stack.prisma, needles);
    expect(before.map((hit) => `${hit.table}.${hit.column}`)).toEqual(
      expect.arrayContaining(['gdpr_requests.payload', 'gdpr_requests.result']),
    );

    const redact = await post(
      'customers/redact',
      JSON.stringify({
        shop_domain: shop,
        customer: { id: 7, email: EMAIL, phone: PHONE },
        orders_to_redact: [],
      }),
    );
    expect(redact.status).toBe(200);

    expect(await findTextInDatabase(h.stack.prisma, needles)).toEqual([]);
  }, 60_000);
});

describe('customers/redact', () => {
  let otherPaymentId: string;

  beforeAll(async () => {
    // Another buyer's payment at the same shop, which must stay untouched.
    const template = await h.stack.prisma.paymentRecord.findUniqueOrThrow({
      where: { id: paid.paymentId },
    });
    const other = await h.stack.prisma.paymentRecord.create({
      data: {
        merchantId: template.merchantId,
        shopifyId: `other-${randomUUID()}`,
        gid: 'gid://shopify/PaymentSession/other',
        group: 'other',
        amount: '1.00',
        currency: 'USD',
        tokenAmount: 1_000_000n,
        tokenMint: template.tokenMint,
        tokenDecimals: 6,
        recipientWallet: template.recipientWallet,
        referenceKey: randomUUID(),
        test: true,
        cancelUrl: template.cancelUrl,
        apiVersion: '2026-10',
        customerEmail: 'someone.else@example.com',
        customerPhone: '+15555550199',
        customerData: { email: 'someone.else@example.com' },
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    });
    otherPaymentId = other.id;
  });

  it('removes the buyer contact data and addresses, keeps the paid wallet and amounts; replay is a no-op', async () => {
    const webhookId = randomUUID();
    const body = JSON.stringify({
      shop_id: 1,
      shop_domain: shop,
      customer: { id: 7, email: EMAIL, phone: '+15555550100' },
      orders_to_redact: [11, 12],
    });
    const first = await post('customers/redact', body, { webhookId });
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ received: true, duplicate: false });

    const redacted = await h.stack.prisma.paymentRecord.findUniqueOrThrow({
      where: { id: paid.paymentId },
    });
    expect(redacted).toMatchObject({
      customerEmail: null,
      customerPhone: null,
      customerData: null,
      status: 'PAID',
      signature: paid.signature,
      buyerWallet: h.stack.chain!.buyer.publicKey.toBase58(),
    });
    expect(redacted.amount.toString()).toBe('3');
    const other = await h.stack.prisma.paymentRecord.findUniqueOrThrow({
      where: { id: otherPaymentId },
    });
    expect(other.customerEmail).toBe('someone.else@example.com');

    const request = await h.stack.prisma.gdprRequest.findUniqueOrThrow({ where: { webhookId } });
    expect(JSON.stringify(request.payload)).not.toContain(EMAIL);
    expect(request.result).toMatchObject({
      paymentsRedacted: expect.any(Number),
      walletsKeptForAccounting: expect.any(Number),
    });

    // New data for the same buyer arrives; a replay of the old webhook must not touch it.
    await h.stack.prisma.paymentRecord.update({
      where: { id: otherPaymentId },
      data: { customerEmail: EMAIL },
    });
    const countBefore = await requestCount();
    const replay = await post('customers/redact', body, { webhookId });
    expect(replay.status).toBe(200);
    expect(replay.json).toEqual({ received: true, duplicate: true });
    expect(await requestCount()).toBe(countBefore);
    const untouched = await h.stack.prisma.paymentRecord.findUniqueOrThrow({
      where: { id: otherPaymentId },
    });
    expect(untouched.customerEmail).toBe(EMAIL);
  });

  it('records concurrent deliveries of one webhook once', async () => {
    const webhookId = randomUUID();
    const body = JSON.stringify({ shop_domain: shop, customer: { email: 'nobody@example.com' } });
    const replies = await Promise.all(
      Array.from({ length: 5 }, () => post('customers/redact', body, { webhookId })),
    );
    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200, 200, 200]);
    expect(replies.filter((reply) => reply.json?.duplicate === false)).toHaveLength(1);
    expect(await h.stack.prisma.gdprRequest.count({ where: { webhookId } })).toBe(1);
  });
});

describe('purple paths (no mTLS; ADR 0004)', () => {
  it('serves the same handler under /webhooks/shopify/<topic>, HMAC still required', async () => {
    const body = JSON.stringify({ shop_domain: shop, customer: { email: 'nobody@example.com' } });
    const send = (hmac: string) =>
      h.request(`${h.stack.urls.purple}/webhooks/shopify/customers/data_request`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'shopify-hmac-sha256': hmac,
          'shopify-topic': 'customers/data_request',
          'shopify-shop-domain': shop,
          'shopify-webhook-id': randomUUID(),
        },
        body,
      });
    expect((await send(sign(`${body} `))).status).toBe(401);
    const ok = await send(sign(body));
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ received: true, duplicate: false });
  });
});

describe('shop/redact', () => {
  it('closes the open records of a shop still installed: 410 at once, nothing sent to Shopify', async () => {
    const unserved = await h.placeOrder('1.00');
    const served = await h.placeOrder('1.10');
    await fetchTransaction(
      h.connection,
      h.stack.chain!.buyer.publicKey,
      `${h.stack.urls.purple}/tx/payment/${served.paymentId}`,
    );
    const sentBefore = sim().mutations().length;
    const sent = await sim().sendWebhook({ shop, topic: 'shop/redact' });
    expect(sent.status).toBe(200);

    for (const { paymentId } of [unserved, served]) {
      const page = await h.request(`${h.stack.urls.purple}/checkout/payments/${paymentId}`);
      expect(page.status).toBe(410);
      expect(page.json?.code).toBe('GONE');
    }
    const status = async (id: string) =>
      (await h.stack.prisma.paymentRecord.findUniqueOrThrow({ where: { id } })).status;
    expect(await status(unserved.paymentId)).toBe('REJECTED');
    expect(await status(served.paymentId)).toBe('REJECTING');
    // The poll sends the burn without waiting, and closes the record on a run after it is final.
    await until(async () => {
      await h.invoke('discoveryPoll');
      return (await status(served.paymentId)) === 'REJECTED' ? true : undefined;
    }, 'the poll to close the served payment');
    expect(sim().mutations().slice(sentBefore)).toEqual([]);
  }, 120_000);

  it('deletes tokens and sessions, anonymises records, keeps amounts and signatures', async () => {
    const merchant = await h.stack.prisma.merchant.findUniqueOrThrow({
      where: { shopDomain: shop },
    });
    await h.stack.prisma.portalSession.create({
      data: {
        merchantId: merchant.id,
        csrfToken: 'csrf',
        expiresAt: new Date(Date.now() + 60_000),
      },
    });
    const sent = await sim().sendWebhook({ shop, topic: 'shop/redact', headerStyle: 'shopify' });
    expect(sent.status).toBe(200);

    const after = await h.stack.prisma.merchant.findUniqueOrThrow({ where: { shopDomain: shop } });
    expect(after).toMatchObject({
      accessTokenEnc: null,
      refreshTokenEnc: null,
      payoutWallet: null,
      displayName: null,
      installState: 'REDACTED',
      configured: false,
    });
    expect(await h.stack.prisma.portalSession.count({ where: { merchantId: merchant.id } })).toBe(
      0,
    );
    const payments = await h.stack.prisma.paymentRecord.findMany({
      where: { merchantId: merchant.id },
    });
    expect(
      payments.every(
        (p) => p.customerEmail === null && p.customerData === null && p.buyerWallet === null,
      ),
    ).toBe(true);
    const kept = payments.find((p) => p.id === paid.paymentId)!;
    expect({
      signature: kept.signature,
      amount: kept.amount.toString(),
      status: kept.status,
    }).toEqual({
      signature: paid.signature,
      amount: '3',
      status: 'PAID',
    });
    const served = await h.stack.prisma.servedTransaction.findMany({
      where: { paymentId: paid.paymentId },
    });
    expect(served.every((tx) => tx.account === '[redacted]')).toBe(true);
    const dataRequests = await h.stack.prisma.gdprRequest.findMany({
      where: { shopDomain: shop, topic: 'CUSTOMERS_DATA_REQUEST' },
    });
    expect(dataRequests.every((request) => request.result === null)).toBe(true);
  });
});
