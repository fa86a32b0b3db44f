/**
 * `app/uninstalled` on the local stack: HMAC over the raw body on both gateways (green over
 * mTLS, purple without it), de-duplication by webhook id, and the effect in the database: the
 * merchant is uninstalled, its tokens are gone, and Shopify's next payment session is refused.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { appCredentials, signIn } from '../../../purple/src/test-support/merchant-harness';
import {
  startPaymentHarness,
  type PaymentHarness,
  type Reply,
} from '../../../purple/src/test-support/payment-harness';

let h: PaymentHarness;
let shop: string;

const sign = (body: string) =>
  createHmac('sha256', appCredentials(h).apiSecret).update(body, 'utf8').digest('base64');

function post(
  url: string,
  body: string,
  options: { webhookId: string; hmac?: string; mtls: boolean },
): Promise<Reply> {
  return h.request(url, {
    method: 'POST',
    mtls: options.mtls,
    headers: {
      'content-type': 'application/json',
      'x-shopify-hmac-sha256': options.hmac ?? sign(body),
      'x-shopify-topic': 'app/uninstalled',
      'x-shopify-shop-domain': shop,
      'x-shopify-api-version': '2026-10',
      'x-shopify-webhook-id': options.webhookId,
    },
    body,
  });
}

const merchant = () => h.stack.prisma.merchant.findUniqueOrThrow({ where: { shopDomain: shop } });

beforeAll(async () => {
  h = await startPaymentHarness({ env: process.env, workers: [] });
  shop = h.stack.demoShop.domain;
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('app/uninstalled', () => {
  const body = () => JSON.stringify({ id: 1, name: 'Demo Shop', myshopify_domain: shop });

  it('refuses a wrong signature with 401 and changes nothing', async () => {
    const reply = await post(`${h.stack.urls.green}/webhooks/app/uninstalled`, body(), {
      webhookId: randomUUID(),
      hmac: sign(`${body()} `),
      mtls: true,
    });
    expect(reply.status).toBe(401);
    expect(await merchant()).toMatchObject({ installState: 'INSTALLED', configured: true });
  });

  it('uninstalls once: tokens deleted, sessions revoked, payments refused, replay is a no-op', async () => {
    const login = await signIn(h);
    expect(login).toBeDefined();
    const webhookId = randomUUID();
    const first = await post(`${h.stack.urls.purple}/webhooks/shopify/app/uninstalled`, body(), {
      webhookId,
      mtls: false,
    });
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ received: true, outcome: 'uninstalled' });

    const row = await merchant();
    expect(row).toMatchObject({
      installState: 'UNINSTALLED',
      configured: false,
      accessTokenEnc: null,
      refreshTokenEnc: null,
    });
    expect(row.uninstalledAt).toBeInstanceOf(Date);
    const live = await h.stack.prisma.portalSession.count({
      where: { merchantId: row.id, revokedAt: null },
    });
    expect(live).toBe(0);

    const replay = await post(`${h.stack.urls.green}/webhooks/app/uninstalled`, body(), {
      webhookId,
      mtls: true,
    });
    expect(replay.status).toBe(200);
    expect(replay.json).toEqual({ received: true, outcome: 'duplicate' });

    const before = await h.stack.prisma.paymentRecord.count();
    const order = await h.stack.simulator!.placeOrder({ amount: '1.00' });
    expect(order.status).toBe(404);
    expect(await h.stack.prisma.paymentRecord.count()).toBe(before);
  });
});
