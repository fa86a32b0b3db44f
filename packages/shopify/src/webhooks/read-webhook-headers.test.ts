import { describe, expect, it } from '@jest/globals';
import { readWebhookHeaders } from './read-webhook-headers';

describe('readWebhookHeaders', () => {
  it('reads the classic x-shopify-* family', () => {
    expect(
      readWebhookHeaders({
        'x-shopify-topic': 'customers/redact',
        'x-shopify-shop-domain': 'example-shop.myshopify.com',
        'x-shopify-webhook-id': 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
        'x-shopify-api-version': '2025-10',
        'x-shopify-triggered-at': '2026-02-03T10:15:00.877041743Z',
        'x-shopify-event-id': '98880550-7158-44d4-b7cd-2c97c8a091b5',
      }),
    ).toEqual({
      topic: 'customers/redact',
      shopDomain: 'example-shop.myshopify.com',
      webhookId: 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
      apiVersion: '2025-10',
      triggeredAt: new Date('2026-02-03T10:15:00.877Z'),
      eventId: '98880550-7158-44d4-b7cd-2c97c8a091b5',
    });
  });

  it('reads the events-style shopify-* family', () => {
    expect(
      readWebhookHeaders({
        'shopify-topic': 'shop/redact',
        'shopify-shop-domain': 'example-shop.myshopify.com',
        'shopify-webhook-id': 'w-1',
        'shopify-api-version': '2026-01',
        'shopify-triggered-at': '2026-02-03T10:15:00Z',
      }),
    ).toEqual({
      topic: 'shop/redact',
      shopDomain: 'example-shop.myshopify.com',
      webhookId: 'w-1',
      apiVersion: '2026-01',
      triggeredAt: new Date('2026-02-03T10:15:00Z'),
    });
  });

  it('leaves out missing, empty and unparsable values', () => {
    expect(
      readWebhookHeaders({ 'x-shopify-topic': '  ', 'x-shopify-triggered-at': 'yesterday' }),
    ).toEqual({});
  });
});
