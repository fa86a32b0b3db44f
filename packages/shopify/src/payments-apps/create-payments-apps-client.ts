import { postJson, type FetchLike } from '../http/post-json';
import { isValidShopDomain } from '../shop/is-valid-shop-domain';
import { shopifyOrigin } from '../shop/shopify-origin';
import { classifyPaymentsAppsResponse } from './classify-payments-apps-response';
import { paymentsAppsDocuments } from './payments-apps-documents';
import {
  paymentsAppsMutationRequestSchema,
  type PaymentsAppsMutationName,
} from './payments-apps-request';
import type { PaymentsAppsResult } from './payments-apps-result';

const API_VERSION = /^(\d{4}-\d{2}|unstable)$/;

/** Configuration of {@link createPaymentsAppsClient}, validated by the caller's config module. */
export interface PaymentsAppsClientConfig {
  /** Default API version for the GraphQL path, e.g. `2025-10`. */
  apiVersion: string;
  /** See `shopifyOrigin` (DESIGN §4.1 `SHOPIFY_ADMIN_ORIGIN`). */
  adminOrigin?: string | undefined;
  /** Defaults to the global `fetch`. */
  fetch?: FetchLike | undefined;
  /** Budget per attempt, including reading the body. */
  timeoutMs: number;
  /** Clock for `Retry-After` dates; defaults to `new Date()`. */
  now?: (() => Date) | undefined;
}

/**
 * One mutation to send for one shop. `mutation` + `variables` are typically built with the
 * request builders (e.g. `paymentSessionResolveRequest(gid)`) or read back from the outbox;
 * `send` validates them with `paymentsAppsMutationRequestSchema` before anything goes out.
 */
export interface PaymentsAppsSendRequest {
  /** The shop's `*.myshopify.com` domain. */
  shop: string;
  /** A valid (refreshed if expiring) offline access token. */
  accessToken: string;
  mutation: PaymentsAppsMutationName;
  variables: Readonly<Record<string, unknown>>;
  /**
   * API version for this call; defaults to the client's. Pass the `Shopify-Api-Version` the
   * session request arrived with, so mutations use the same version as the extension.
   */
  apiVersion?: string | undefined;
}

/** Sends Payments Apps API mutations and classifies every outcome (never throws). */
export interface PaymentsAppsClient {
  /** Sends one mutation attempt; no retries inside (the outbox owns retrying). */
  send(request: PaymentsAppsSendRequest): Promise<PaymentsAppsResult>;
}

/**
 * Creates the Payments Apps API client. Each `send` POSTs
 * `{"query", "variables"}` to `{origin}/payments_apps/api/{version}/graphql.json` with
 * `Content-Type: application/json` and `X-Shopify-Access-Token`, under
 * `AbortSignal.timeout(timeoutMs)`, and returns a `PaymentsAppsResult`: connection errors and
 * timeouts become `transient`, a malformed request (bad gid, shop) becomes
 * `definitive-failure`. Safe to retry: Shopify dedupes per session id and operation.
 */
export function createPaymentsAppsClient(config: PaymentsAppsClientConfig): PaymentsAppsClient {
  const fetch = config.fetch ?? globalThis.fetch;
  const now = config.now ?? (() => new Date());

  return {
    async send(request) {
      const parsed = paymentsAppsMutationRequestSchema.safeParse({
        mutation: request.mutation,
        variables: request.variables,
      });
      const version = request.apiVersion ?? config.apiVersion;
      const problems = [
        ...(parsed.success
          ? []
          : parsed.error.issues.map((issue) => ({
              field: issue.path.map(String),
              message: issue.message,
            }))),
        ...(isValidShopDomain(request.shop) ? [] : [{ field: ['shop'], message: 'invalid shop' }]),
        ...(request.accessToken === ''
          ? [{ field: ['accessToken'], message: 'empty access token' }]
          : []),
        ...(API_VERSION.test(version) ? [] : [{ field: ['apiVersion'], message: 'bad version' }]),
      ];
      // A malformed request can never succeed: report it as definitive instead of throwing,
      // so a bad outbox row is parked and alerted rather than retried forever.
      if (!parsed.success || problems.length > 0) {
        return { kind: 'definitive-failure', userErrors: problems, conflict: false };
      }

      const { mutation, variables } = parsed.data;
      const origin = shopifyOrigin({ shop: request.shop, adminOrigin: config.adminOrigin });
      const sent = await postJson({
        fetch,
        url: `${origin}/payments_apps/api/${encodeURIComponent(version)}/graphql.json`,
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          'X-Shopify-Access-Token': request.accessToken,
        },
        body: { query: paymentsAppsDocuments[mutation], variables },
        timeoutMs: config.timeoutMs,
      });
      if (!sent.ok) return { kind: 'transient', reason: sent.reason };

      const { response } = sent;
      return classifyPaymentsAppsResponse(
        mutation,
        {
          status: response.status,
          retryAfter: response.headers.get('retry-after'),
          bodyText: response.bodyText,
        },
        now(),
      );
    },
  };
}
