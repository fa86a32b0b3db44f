import { createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { oauthQueryMessage, verifyOAuthQueryHmac } from './verify-oauth-query-hmac';

describe('verifyOAuthQueryHmac', () => {
  it("accepts Shopify's documented example (secret 'hush')", () => {
    const query = {
      code: '0907a61c0c8d55e99db179b68161bc00',
      hmac: '700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf',
      shop: 'some-shop.myshopify.com',
      state: '0.6784241404160823',
      timestamp: '1337178173',
    };
    expect(verifyOAuthQueryHmac(query, 'hush')).toBe(true);
  });

  it('matches an independently computed HMAC over sorted, %20-encoded pairs', () => {
    const secret = 'test-secret';
    // Written out by hand: keys sorted, "hmac" and "signature" left out, space as %20.
    const message =
      'host=YWRtaW4uc2hvcGlmeS5jb20vc3RvcmUvZXhhbXBsZQ&locale=en%20US&shop=example-shop.myshopify.com&timestamp=1770112500';
    const hmac = createHmac('sha256', secret).update(message).digest('hex');
    const query = {
      timestamp: '1770112500',
      shop: 'example-shop.myshopify.com',
      signature: 'ignored',
      locale: 'en US',
      host: 'YWRtaW4uc2hvcGlmeS5jb20vc3RvcmUvZXhhbXBsZQ',
      hmac,
    };
    expect(oauthQueryMessage(query)).toBe(message);
    expect(verifyOAuthQueryHmac(query, secret)).toBe(true);
    expect(verifyOAuthQueryHmac({ ...query, hmac: hmac.toUpperCase() }, secret)).toBe(true);
  });

  it('rejects a tampered hmac, a tampered parameter, a wrong secret and a missing hmac', () => {
    const query = {
      code: '0907a61c0c8d55e99db179b68161bc00',
      hmac: '700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf',
      shop: 'some-shop.myshopify.com',
      state: '0.6784241404160823',
      timestamp: '1337178173',
    };
    expect(verifyOAuthQueryHmac({ ...query, hmac: query.hmac.replace(/^7/, '8') }, 'hush')).toBe(
      false,
    );
    expect(verifyOAuthQueryHmac({ ...query, shop: 'evil-shop.myshopify.com' }, 'hush')).toBe(false);
    expect(verifyOAuthQueryHmac(query, 'hush2')).toBe(false);
    const { hmac: _hmac, ...withoutHmac } = query;
    expect(verifyOAuthQueryHmac(withoutHmac, 'hush')).toBe(false);
    expect(verifyOAuthQueryHmac({ ...query, hmac: [query.hmac, query.hmac] }, 'hush')).toBe(false);
    expect(verifyOAuthQueryHmac({ ...query, hmac: query.hmac.slice(0, 10) }, 'hush')).toBe(false);
  });
});
