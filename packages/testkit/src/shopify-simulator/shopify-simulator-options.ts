/** How to start the Shopify simulator. */
export interface ShopifySimulatorOptions {
  /** Interface to bind; default `127.0.0.1`. */
  host?: string;
  /** Port to bind; default 0 (a random free port). */
  port?: number;
  /** The app's client id (OAuth `client_id`). */
  apiKey: string;
  /** The app's client secret (OAuth exchange, query HMAC, webhook HMAC). */
  apiSecret: string;
  /** API version Shopify sends in `Shopify-Api-Version`, e.g. `2026-10`. */
  apiVersion: string;
  /** The app's green gateway and the "Shopify Payments Platform" client identity for mTLS. */
  green: {
    url: string;
    ca: string | Buffer;
    clientCert: string | Buffer;
    clientKey: string | Buffer;
  };
  /** The app's install URL (purple `/auth/install`), used by the admin's "Install" link. */
  appUrl?: string;
  /** Shop domains the simulator hosts; default `['demo-shop.myshopify.com']`. */
  shops?: string[];
  /** Lifetime of expiring offline access tokens; default 3600. */
  tokenTtlSeconds?: number;
  /**
   * If set, orders, sessions, recorded mutations, app configurations and issued tokens are
   * restored from the snapshot file there (when it holds one) and written back soon after every
   * change and at close: a restarted simulator remembers what Shopify would.
   */
  statePath?: string;
  /** Written into a new snapshot (default: a random id); a restored simulator keeps the file's. */
  stateId?: string;
  /** Added before each answer of the Admin / Payments Apps GraphQL API (Shopify's latency). Default 0. */
  graphqlDelayMs?: number;
  /** Clock in epoch milliseconds (tests move time to expire tokens); default `Date.now`. */
  now?: () => number;
}
