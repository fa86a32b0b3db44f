import type { ShopifyMutationName } from '../outbox/shopify-mutation-name';

/** How Shopify answered one mutation, as classified by `@solpay/shopify`'s Payments Apps client. */
export type PaymentsAppsOutcome =
  | { kind: 'success'; redirectUrl?: string; data: unknown }
  | { kind: 'definitive-failure'; userErrors: readonly unknown[]; conflict: boolean }
  | { kind: 'transient'; reason: string; retryAfterMs?: number; status?: number }
  | { kind: 'unauthorized'; status: number }
  | { kind: 'shop-unavailable'; status: number };

/** One mutation to send. */
export interface PaymentsAppsRequest {
  /** The shop's `*.myshopify.com` domain. */
  shop: string;
  accessToken: string;
  mutation: ShopifyMutationName;
  variables: Record<string, unknown>;
  /** API version for this call; the client's default when absent. */
  apiVersion?: string;
}

/** The part of `@solpay/shopify`'s `createPaymentsAppsClient(...)` the dispatcher uses. */
export interface PaymentsAppsSender {
  /** Sends one mutation; never throws for Shopify-side failures (they are classified). */
  send(request: PaymentsAppsRequest): Promise<PaymentsAppsOutcome>;
}
