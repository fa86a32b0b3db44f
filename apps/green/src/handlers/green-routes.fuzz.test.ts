/**
 * Property-based input fuzzing of every green (mTLS) route on the local stack: Shopify-shaped
 * requests with one field, header or the whole body replaced by something random or
 * adversarial (wrong types, injection strings, odd Unicode, huge numbers, negative amounts,
 * oversized input) must get a 4xx with a message — never a 5xx or a hang — and write nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { resolveModuleFile } from '../../../local/src/gateway/load-serverless-functions';
import { formatTally, fuzzRoute } from '../../../local/src/measured/fuzz-route';
import { headerValue, jsonPosts } from '../../../local/src/measured/request-arbitraries';
import { junkBody } from '../../../local/src/measured/adversarial-values';
import {
  startMeasuredStack,
  type MeasuredStack,
} from '../../../local/src/measured/start-measured-stack';

const RUNS = 120;
let m: MeasuredStack;
const tallies: string[] = [];

beforeAll(async () => {
  m = await startMeasuredStack();
}, 120_000);

afterAll(async () => {
  console.log(`green route fuzzing:\n  ${tallies.join('\n  ')}`);
  await m?.close();
});

const sessionHeaders = () => ({
  'shopify-shop-domain': m.stack.demoShop.domain,
  'shopify-request-id': randomUUID(),
  'shopify-api-version': m.stack.stackFile.contents.shopify.apiVersion,
});

const paymentBody = {
  id: 'fuzz-payment',
  gid: 'gid://shopify/PaymentSession/fuzz-payment',
  group: 'group-1',
  session_id: 'session-1',
  amount: '19.99',
  currency: 'USD',
  test: true,
  merchant_locale: 'en',
  payment_method: {
    type: 'offsite',
    data: { cancel_url: 'https://demo-shop.myshopify.com/cancel' },
  },
  proposed_at: '2026-01-01T00:00:00Z',
  customer: { email: 'buyer@example.com', billing_address: { city: 'Springfield' } },
  kind: 'sale',
};

const refundBody = {
  id: 'fuzz-refund',
  gid: 'gid://shopify/RefundSession/fuzz-refund',
  payment_id: 'fuzz-payment',
  amount: '5.00',
  currency: 'USD',
  test: true,
  merchant_locale: 'en',
  proposed_at: '2026-01-01T00:00:00Z',
};

function handlerExists(name: string): boolean {
  return m.stack.routes.some((r) => r.fn.name === name && resolveModuleFile(r.fn) !== undefined);
}

describe('green routes answer bad input with a 4xx and write nothing', () => {
  it('POST /payment', async () => {
    const tally = await fuzzRoute({
      route: 'POST /payment',
      call: m.green.call,
      prisma: m.stack.prisma,
      requests: jsonPosts('/payment', paymentBody, sessionHeaders()),
      runs: RUNS,
    });
    tallies.push(formatTally(tally));
    expect(tally.byClass['4xx']).toBeGreaterThan(RUNS / 2);
  }, 120_000);

  it('POST /refund', async () => {
    if (!handlerExists('refundSession')) {
      tallies.push('POST /refund: handler not present, skipped');
      return;
    }
    const tally = await fuzzRoute({
      route: 'POST /refund',
      call: m.green.call,
      prisma: m.stack.prisma,
      requests: jsonPosts('/refund', refundBody, sessionHeaders()),
      runs: RUNS,
    });
    tallies.push(formatTally(tally));
    expect(tally.byClass['4xx']).toBeGreaterThan(RUNS / 2);
  }, 120_000);

  it.each(['customers/data_request', 'customers/redact', 'shop/redact'])(
    'POST /gdpr/%s (unsigned, badly signed and correctly signed junk)',
    async (topic) => {
      if (!handlerExists('gdprWebhook')) {
        tallies.push(`POST /gdpr/${topic}: handler not present, skipped`);
        return;
      }
      const secret = m.stack.stackFile.contents.shopify.apiSecret;
      const requests = fc
        .tuple(junkBody, fc.constantFrom('none', 'wrong', 'valid'), headerValue)
        .map(([body, signing, odd]) => {
          const hmac =
            signing === 'valid'
              ? createHmac('sha256', secret).update(body, 'utf8').digest('base64')
              : signing === 'wrong'
                ? odd
                : undefined;
          return {
            method: 'POST',
            path: `/gdpr/${topic}`,
            headers: {
              'content-type': 'application/json',
              'x-shopify-topic': topic,
              'x-shopify-shop-domain': m.stack.demoShop.domain,
              'x-shopify-webhook-id': randomUUID(),
              ...(hmac === undefined ? {} : { 'x-shopify-hmac-sha256': hmac }),
            },
            body,
          };
        });
      const tally = await fuzzRoute({
        route: `POST /gdpr/${topic}`,
        call: m.green.call,
        prisma: m.stack.prisma,
        requests,
        runs: 60,
      });
      tallies.push(formatTally(tally));
    },
    120_000,
  );
});
