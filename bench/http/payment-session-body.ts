import { randomBytes, randomUUID } from 'node:crypto';

/**
 * A Shopify payment session request body (specs §A.1) with a fresh `id`, shaped like the
 * simulator's: test mode, USD, offsite, a demo customer.
 */
export function paymentSessionBody(amount = '19.99'): Record<string, unknown> {
  const id = randomUUID().replaceAll('-', '');
  return {
    id,
    gid: `gid://shopify/PaymentSession/${id}`,
    group: randomBytes(32).toString('base64'),
    session_id: randomBytes(32).toString('base64'),
    amount,
    currency: 'USD',
    test: true,
    merchant_locale: 'en',
    payment_method: {
      type: 'offsite',
      data: { cancel_url: 'https://demo-shop.myshopify.com/checkouts/cancelled' },
    },
    proposed_at: new Date().toISOString(),
    customer: {
      email: 'buyer@example.com',
      phone_number: '+15555550100',
      locale: 'en',
      billing_address: { given_name: 'Ada', family_name: 'Lovelace', city: 'Springfield' },
    },
    kind: 'sale',
  };
}

/** Headers Shopify sends with a session request. */
export function shopifySessionHeaders(shop: string, apiVersion: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    'shopify-shop-domain': shop,
    'shopify-request-id': randomUUID(),
    'shopify-api-version': apiVersion,
  };
}
