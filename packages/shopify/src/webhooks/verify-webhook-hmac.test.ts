import { createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { verifyWebhookHmac } from './verify-webhook-hmac';

const secret = 'webhook-secret';
const body =
  '{"shop_id":60123,"shop_domain":"example-shop.myshopify.com","customer":{"id":207119551,"email":"buyer@example.com"},"orders_to_redact":[450789469]}';
const signature = createHmac('sha256', secret).update(Buffer.from(body, 'utf8')).digest('base64');

describe('verifyWebhookHmac', () => {
  it('accepts the classic x-shopify-hmac-sha256 header (string or Buffer body)', () => {
    const headers = { 'x-shopify-hmac-sha256': signature };
    expect(verifyWebhookHmac({ rawBody: body, headers, secret })).toBe(true);
    expect(verifyWebhookHmac({ rawBody: Buffer.from(body), headers, secret })).toBe(true);
  });

  it('accepts the events-style shopify-hmac-sha256 header', () => {
    expect(
      verifyWebhookHmac({ rawBody: body, headers: { 'shopify-hmac-sha256': signature }, secret }),
    ).toBe(true);
  });

  it('rejects a body with one changed byte', () => {
    const changed = Buffer.from(body);
    changed[10] = (changed[10] ?? 0) ^ 0x01;
    expect(
      verifyWebhookHmac({
        rawBody: changed,
        headers: { 'x-shopify-hmac-sha256': signature },
        secret,
      }),
    ).toBe(false);
  });

  it('rejects the same JSON pretty-printed', () => {
    const pretty = JSON.stringify(JSON.parse(body), null, 2);
    expect(
      verifyWebhookHmac({
        rawBody: pretty,
        headers: { 'x-shopify-hmac-sha256': signature },
        secret,
      }),
    ).toBe(false);
  });

  it('rejects a missing header, a wrong secret, a hex digest and an empty body', () => {
    expect(verifyWebhookHmac({ rawBody: body, headers: {}, secret })).toBe(false);
    expect(
      verifyWebhookHmac({
        rawBody: body,
        headers: { 'x-shopify-hmac-sha256': signature },
        secret: 'other',
      }),
    ).toBe(false);
    const hex = createHmac('sha256', secret).update(body).digest('hex');
    expect(
      verifyWebhookHmac({ rawBody: body, headers: { 'x-shopify-hmac-sha256': hex }, secret }),
    ).toBe(false);
    expect(
      verifyWebhookHmac({ rawBody: '', headers: { 'x-shopify-hmac-sha256': signature }, secret }),
    ).toBe(false);
  });
});
