import { createHmac } from 'node:crypto';
import { constantTimeEqual } from '../merchants/constant-time-equal';
import type {
  CodeExchangeResult,
  ShopifyOAuthPort,
  SignedQueryCheck,
} from '../merchants/shopify-oauth-port';

const SHOP = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;
const TOLERANCE_SECONDS = 90;

/**
 * Shopify's side of the OAuth grant in memory: admin queries are signed with the app secret
 * (hex HMAC-SHA256 of the sorted `key=value` pairs without `hmac`, as Shopify signs them), the
 * shop must be an anchored `*.myshopify.com` domain and the timestamp within 90 s; an
 * authorization code is issued per shop and can be exchanged once.
 */
export class InMemoryShopifyOAuth implements ShopifyOAuthPort {
  /** Set to make the token endpoint unreachable. */
  unavailable = false;
  /** Code exchanges attempted, in order. */
  readonly exchanges: Array<{ shop: string; code: string }> = [];
  private readonly codes = new Map<string, string>();
  private issued = 0;

  constructor(
    private readonly secret = 'shopify-app-secret',
    private readonly scope = 'write_payment_gateways,write_payment_sessions',
  ) {}

  /** A query as Shopify's admin sends it: `params` plus `timestamp` (at `now`) and `hmac`. */
  signedQuery(params: Record<string, string>, now: Date): Record<string, string> {
    const query = { ...params, timestamp: String(Math.floor(now.getTime() / 1000)) };
    return { ...query, hmac: this.sign(query) };
  }

  /** Shopify issues an authorization code for `shop` (the merchant approved the grant). */
  issueCode(shop: string): string {
    this.issued += 1;
    const code = `code-${this.issued}`;
    this.codes.set(code, shop);
    return code;
  }

  verifySignedQuery(query: Record<string, string>, now: Date): SignedQueryCheck {
    const shop = (query.shop ?? '').toLowerCase();
    if (!SHOP.test(shop)) return { ok: false, reason: 'invalid-shop' };
    const { hmac, ...rest } = query;
    if (hmac === undefined || !constantTimeEqual(hmac, this.sign(rest))) {
      return { ok: false, reason: 'invalid-hmac' };
    }
    const timestamp = Number(query.timestamp);
    if (
      !Number.isFinite(timestamp) ||
      Math.abs(now.getTime() / 1000 - timestamp) > TOLERANCE_SECONDS
    ) {
      return { ok: false, reason: 'stale-timestamp' };
    }
    return { ok: true, shop };
  }

  authorizeUrl({ shop, state }: { shop: string; state: string }): string {
    return `https://${shop}/admin/oauth/authorize?state=${encodeURIComponent(state)}`;
  }

  async exchangeCode({ shop, code }: { shop: string; code: string }): Promise<CodeExchangeResult> {
    this.exchanges.push({ shop, code });
    if (this.unavailable)
      return { ok: false, reason: 'unavailable', detail: 'connect ECONNREFUSED' };
    if (this.codes.get(code) !== shop) {
      return { ok: false, reason: 'invalid-grant', detail: 'invalid_request' };
    }
    this.codes.delete(code);
    return {
      ok: true,
      grant: {
        accessToken: `shpat_${code}`,
        scope: this.scope,
        accessTokenExpiresAt: null,
        refreshToken: `shprt_${code}`,
        refreshTokenExpiresAt: null,
      },
    };
  }

  private sign(query: Record<string, string>): string {
    const message = Object.keys(query)
      .sort()
      .map((key) => `${key}=${query[key]}`)
      .join('&');
    return createHmac('sha256', this.secret).update(message).digest('hex');
  }
}
