/**
 * Property-based input fuzzing of every purple route on the local stack (wallet transaction
 * requests, checkout status, Helius webhook, OAuth, portal API, unknown paths): random and
 * adversarial paths, methods, headers, query strings and bodies must get a 4xx with a message —
 * never a 5xx or a hang — and write nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Keypair } from '@solana/web3.js';
import fc from 'fast-check';
import {
  adversarialString,
  adversarialValue,
  junkBody,
} from '../../../local/src/measured/adversarial-values';
import { formatTally, fuzzRoute } from '../../../local/src/measured/fuzz-route';
import type { HttpsCall } from '../../../local/src/measured/https-call';
import {
  headerValue,
  malformedPercentEscape,
  queryString,
} from '../../../local/src/measured/request-arbitraries';
import {
  startMeasuredStack,
  type MeasuredStack,
} from '../../../local/src/measured/start-measured-stack';

const RUNS = 120;
let m: MeasuredStack;
let openPaymentId: string;
const tallies: string[] = [];

/**
 * A path segment: usually plausible, sometimes hostile (percent-encoded bytes), sometimes a
 * malformed percent-escape (`%`, `%E0%A4%A`, …).
 */
const segment = (plausible: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 3, arbitrary: plausible },
    {
      weight: 2,
      arbitrary: adversarialString.map((s) =>
        Buffer.from(s.slice(0, 300), 'utf8').toString('hex').replace(/../g, '%$&'),
      ),
    },
    { weight: 1, arbitrary: malformedPercentEscape },
  );

beforeAll(async () => {
  m = await startMeasuredStack();
  const placed = await m.stack.simulator!.placeOrder({ amount: '12.34' });
  openPaymentId = new URL(placed.redirectUrl).pathname.split('/').pop() ?? '';
}, 120_000);

afterAll(async () => {
  console.log(`purple route fuzzing:\n  ${tallies.join('\n  ')}`);
  await m?.close();
});

async function run(route: string, requests: fc.Arbitrary<HttpsCall>, runs = RUNS) {
  const tally = await fuzzRoute({
    route,
    call: m.purple.call,
    prisma: m.stack.prisma,
    requests,
    runs,
  });
  tallies.push(formatTally(tally));
  return tally;
}

describe('purple routes answer bad input with a 4xx and write nothing', () => {
  it('GET/POST/OPTIONS /tx/{kind}/{recordId} (accounts that are not funded wallets)', async () => {
    const account = fc.oneof(
      fc.constant(null).map(() => Keypair.generate().publicKey.toBase58()),
      adversarialValue,
    );
    const body = fc.oneof(
      account.map((a) => JSON.stringify({ account: a })),
      junkBody,
      fc.constant('{}'),
    );
    const requests = fc
      .tuple(
        fc.constantFrom('GET', 'POST', 'POST', 'POST', 'PUT', 'DELETE'),
        segment(fc.constantFrom('payment', 'refund', 'PAYMENT', 'transfer')),
        segment(
          fc.constantFrom(
            openPaymentId,
            openPaymentId,
            randomUUID(),
            '0',
            openPaymentId.toUpperCase(),
          ),
        ),
        body,
        queryString,
      )
      .map(([method, kind, id, b, query]) => ({
        method,
        path: `/tx/${kind}/${id}${query}`,
        headers: { 'content-type': 'application/json', origin: 'https://wallet.example' },
        ...(method === 'GET' ? {} : { body: b }),
      }));
    const tally = await run('/tx/{kind}/{recordId}', requests);
    expect(tally.byClass['4xx']).toBeGreaterThan(RUNS / 2);
  }, 180_000);

  it('GET /checkout/payments/{paymentId}', async () => {
    const requests = fc
      .tuple(segment(fc.constantFrom(randomUUID(), 'not-a-uuid', '')), queryString, headerValue)
      .map(([id, query, odd]) => ({
        method: 'GET',
        path: `/checkout/payments/${id}${query}`,
        headers: { origin: odd },
      }));
    await run('GET /checkout/payments/{paymentId}', requests);
  }, 120_000);

  it('POST /webhooks/helius (no, wrong and right secret)', async () => {
    const secret = process.env.HELIUS_WEBHOOK_SECRET ?? '';
    const body = fc.oneof(
      junkBody,
      fc
        .array(fc.record({ signature: adversarialValue }), { maxLength: 3 })
        .map((a) => JSON.stringify(a)),
      fc
        .array(
          fc.record({
            transaction: fc.record({ signatures: fc.array(adversarialValue, { maxLength: 2 }) }),
          }),
          { maxLength: 3 },
        )
        .map((a) => JSON.stringify(a)),
      fc.constant(
        JSON.stringify(Array.from({ length: 101 }, () => ({ signature: '5'.repeat(88) }))),
      ),
    );
    const requests = fc
      .tuple(body, fc.constantFrom('none', 'wrong', 'right', 'right'), headerValue)
      .map(([b, auth, odd]) => ({
        method: 'POST',
        path: '/webhooks/helius',
        headers: {
          'content-type': 'application/json',
          ...(auth === 'none' ? {} : { authorization: auth === 'right' ? secret : odd }),
        },
        body: b,
      }));
    await run('POST /webhooks/helius', requests);
  }, 120_000);

  it('GET /auth/install and /auth/callback', async () => {
    const params = fc.record(
      {
        shop: fc.oneof(
          fc.constantFrom('demo-shop.myshopify.com', 'evil.com', 'x.myshopify.com.evil.com'),
          adversarialString,
        ),
        hmac: headerValue,
        timestamp: fc.oneof(fc.integer().map(String), adversarialString),
        code: adversarialString,
        state: adversarialString,
        host: adversarialString,
      },
      { requiredKeys: [] },
    );
    const requests = fc
      .tuple(fc.constantFrom('/auth/install', '/auth/callback'), params)
      .map(([path, query]) => {
        const pairs = Object.entries(query).map(
          ([k, v]) =>
            `${k}=${Buffer.from(String(v).slice(0, 500), 'utf8').toString('hex').replace(/../g, '%$&')}`,
        );
        return { method: 'GET', path: `${path}${pairs.length ? `?${pairs.join('&')}` : ''}` };
      });
    await run('GET /auth/install, /auth/callback', requests);
  }, 120_000);

  it('/portal/{proxy+} without a valid session, and unknown paths', async () => {
    const requests = fc
      .tuple(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
        fc.oneof(
          segment(
            fc.constantFrom(
              'me',
              'payments',
              'refunds',
              `refunds/${randomUUID()}/reject`,
              `refunds/${randomUUID()}/pay`,
              'settings',
              'logout',
            ),
          ).map((p) => `/portal/${p}`),
          segment(fc.constantFrom('admin', '.env', 'tx', 'checkout')).map((p) => `/${p}`),
        ),
        fc.oneof(
          fc.constant(undefined),
          headerValue.map((v) => `solpay_session=${v}`),
        ),
        junkBody,
        queryString,
      )
      .map(([method, path, cookie, body, query]) => ({
        method,
        path: `${path}${query}`,
        headers: {
          'content-type': 'application/json',
          'x-csrf-token': 'x',
          ...(cookie === undefined ? {} : { cookie }),
        },
        ...(method === 'GET' ? {} : { body }),
      }));
    await run('/portal/{proxy+} and unknown paths', requests);
  }, 120_000);
});
