/**
 * Hardening of the public routes on the local stack (real gateways, handlers and PostgreSQL):
 * webhooks authenticate before their body is parsed (a bad signature is 401 whatever the body),
 * and the transaction request and Helius webhook are rate limited (429 + `Retry-After`,
 * `{ code, message }`), with small budgets configured here so that the limits are reached fast.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { appCredentials } from '../test-support/merchant-harness';
import {
  startPaymentHarness,
  type PaymentHarness,
  type Reply,
} from '../test-support/payment-harness';

const PER_RECORD = 5;
const PER_IP = 40;
const HELIUS = 5;
const LIMIT_KEYS = {
  TX_RATE_LIMIT_PER_RECORD: String(PER_RECORD),
  TX_RATE_LIMIT_PER_IP: String(PER_IP),
  HELIUS_RATE_LIMIT: String(HELIUS),
};

let h: PaymentHarness;

beforeAll(async () => {
  Object.assign(process.env, LIMIT_KEYS);
  h = await startPaymentHarness({ env: process.env, workers: [] });
}, 120_000);

afterAll(async () => {
  await h?.close();
  for (const key of Object.keys(LIMIT_KEYS)) delete process.env[key];
});

/**
 * Sends `send()` until it answers 429. Budgets are fixed windows, so a burst that straddles a
 * window boundary may pass up to twice the limit: `2 × limit + 1` sends always reach a 429.
 */
async function untilLimited(limit: number, send: () => Promise<Reply>): Promise<Reply[]> {
  const replies: Reply[] = [];
  for (let i = 0; i <= 2 * limit; i++) {
    const reply = await send();
    replies.push(reply);
    if (reply.status === 429) return replies;
  }
  throw new Error(`no 429 after ${replies.length} requests`);
}

function expectRateLimited(reply: Reply, message: RegExp): void {
  expect(reply.status).toBe(429);
  expect(reply.json).toEqual({ code: 'RATE_LIMITED', message: expect.stringMatching(message) });
  const retryAfter = Number(reply.headers['retry-after']);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
}

describe('webhooks authenticate before parsing', () => {
  it('GDPR (green, mTLS): a bad HMAC is 401 whatever the body; a good one reaches parsing (400)', async () => {
    const malformed = '{"shop_domain": ';
    const post = (hmac: string, body: string, contentType = 'application/json') =>
      h.request(`${h.stack.urls.green}/gdpr/customers/redact`, {
        method: 'POST',
        mtls: true,
        headers: {
          'content-type': contentType,
          'x-shopify-hmac-sha256': hmac,
          'x-shopify-topic': 'customers/redact',
          'x-shopify-shop-domain': h.stack.demoShop.domain,
          'x-shopify-webhook-id': randomUUID(),
        },
        body,
      });
    const sign = (body: string) =>
      createHmac('sha256', appCredentials(h).apiSecret).update(body, 'utf8').digest('base64');
    const before = await h.stack.prisma.gdprRequest.count();

    for (const reply of [
      await post(sign('{}'), malformed),
      await post('', malformed),
      await post(sign('{}'), 'shop=x', 'text/plain'),
    ]) {
      expect(reply.status).toBe(401);
      expect(reply.json).toEqual({ code: 'UNAUTHORIZED', message: 'Invalid webhook signature' });
    }
    const signedMalformed = await post(sign(malformed), malformed);
    expect(signedMalformed.status).toBe(400);
    expect(signedMalformed.json).toEqual({ code: 'BAD_REQUEST', message: 'Malformed JSON body' });
    expect(await h.stack.prisma.gdprRequest.count()).toBe(before);
  });

  it('Helius (purple): a wrong or missing secret is 401 whatever the body; the right one reaches parsing (400)', async () => {
    const secret = process.env.HELIUS_WEBHOOK_SECRET ?? '';
    const post = (authorization: string | undefined, body: string) =>
      h.request(`${h.stack.urls.purple}/webhooks/helius`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(authorization === undefined ? {} : { authorization }),
        },
        body,
      });
    for (const reply of [await post('wrong', '[{'), await post(undefined, '[{')]) {
      expect(reply.status).toBe(401);
      expect(reply.json).toMatchObject({ code: 'UNAUTHORIZED' });
    }
    const malformed = await post(secret, '[{');
    expect(malformed.status).toBe(400);
    expect(malformed.json).toEqual({ code: 'BAD_REQUEST', message: 'Malformed JSON body' });
  });
});

describe('rate limits', () => {
  it('limits transaction requests per record (429 + Retry-After, CORS-readable); other records are unaffected', async () => {
    const limited = await h.placeOrder('1.00');
    const other = await h.placeOrder('2.00');
    const metadata = (paymentId: string) =>
      h.request(`${h.stack.urls.purple}/tx/payment/${paymentId}`, {
        headers: { origin: 'https://wallet.example' },
      });

    const replies = await untilLimited(PER_RECORD, () => metadata(limited.paymentId));
    expect(replies.length).toBeGreaterThan(PER_RECORD);
    expect(replies.slice(0, PER_RECORD).every((reply) => reply.status === 200)).toBe(true);
    const last = replies.at(-1)!;
    expectRateLimited(last, /^Too many requests for this payment; try again in \d+ s$/);
    expect(last.headers['access-control-allow-origin']).toBe('*');
    expect(last.headers['access-control-expose-headers']).toBe('Retry-After');

    const unaffected = await metadata(other.paymentId);
    expect(unaffected.status).toBe(200);
    expect(unaffected.json).toMatchObject({ label: 'Demo Shop (USDC)' });
  });

  it('limits transaction requests per source IP across records', async () => {
    // Unknown (well-formed) records: 404 each, but every request spends the IP's budget.
    const replies = await untilLimited(PER_IP, () =>
      h.request(`${h.stack.urls.purple}/tx/payment/${randomUUID()}`),
    );
    expect(replies.slice(0, -1).every((reply) => reply.status === 404)).toBe(true);
    expectRateLimited(replies.at(-1)!, /^Too many requests from your network; try again in \d+ s$/);
  });

  it('limits authenticated Helius deliveries only: strangers cannot spend the budget', async () => {
    for (let i = 0; i < 3 * HELIUS; i++) {
      expect((await h.webhook([], 'wrong')).status).toBe(401);
    }
    const replies = await untilLimited(HELIUS, () => h.webhook([]));
    expect(replies.length).toBeGreaterThan(HELIUS);
    expect(replies.slice(0, HELIUS).every((reply) => reply.status === 200)).toBe(true);
    expectRateLimited(replies.at(-1)!, /^Too many requests/);
  });
});
