import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { adminRoutes } from './admin-routes';
import { controlApiRoutes } from './control-api-routes';
import { DEFAULT_SCOPES } from './default-scopes';
import { BodyTooLargeError, sendJson } from './http-io';
import { issueRefund, resendRefundSession } from './issue-refund';
import { oauthRoutes } from './oauth-routes';
import { handlePaymentsGraphql } from './payments-graphql-route';
import { placeOrder, resendPaymentSession, retryCheckout } from './place-order';
import type { Route } from './route';
import { sendGdprWebhook } from './send-gdpr-webhook';
import type { ShopifySimulator } from './shopify-simulator';
import type { ShopifySimulatorOptions } from './shopify-simulator-options';
import { SimulatorInputError } from './simulator-input-error';
import {
  readSimulatorSnapshot,
  restoreSimulator,
  snapshotSimulator,
  writeSimulatorSnapshot,
} from './simulator-snapshot';
import type { SimulatorState } from './simulator-state';
import { storefrontRoutes } from './storefront-routes';
import { createTokenRegistry } from './token-registry';

const SHOP_DOMAIN = /^[a-zA-Z0-9][a-zA-Z0-9\-_]*\.myshopify\.com$/;
const GRAPHQL_PATH = /^\/payments_apps\/api\/([^/]+)\/graphql\.json$/;
const API_VERSION = /^(\d{4}-(01|04|07|10)|unstable)$/;

const routes: Route[] = [...controlApiRoutes, ...oauthRoutes, ...adminRoutes, ...storefrontRoutes];

/**
 * Starts the Shopify simulator on loopback: Payments Apps GraphQL endpoint, OAuth merchant
 * side, storefront and admin pages, and the `/_sim/` control API. Payment and refund
 * sessions and GDPR webhooks go to the app's green gateway over mutual TLS.
 */
export async function startShopifySimulator(
  options: ShopifySimulatorOptions,
): Promise<ShopifySimulator> {
  const shops = options.shops ?? ['demo-shop.myshopify.com'];
  if (shops.length === 0) throw new Error('At least one shop is required');
  for (const shop of shops) {
    if (!SHOP_DOMAIN.test(shop)) throw new Error(`Not a *.myshopify.com domain: ${shop}`);
  }
  const now = options.now ?? Date.now;
  const timers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  let closing = false;
  const state: SimulatorState = {
    apiKey: options.apiKey,
    apiSecret: options.apiSecret,
    apiVersion: options.apiVersion,
    green: options.green,
    appUrl: options.appUrl ?? null,
    shops,
    url: '',
    now,
    tokens: createTokenRegistry({ now, tokenTtlSeconds: options.tokenTtlSeconds ?? 3600 }),
    orders: [],
    paymentSessions: new Map(),
    refundSessions: new Map(),
    mutations: [],
    faults: [],
    outage: false,
    configurations: new Map(),
    nextOrderNumber: new Map(),
    costBuckets: new Map(),
    graphqlDelayMs: options.graphqlDelayMs ?? 0,
    hold: (ms) =>
      new Promise<void>((resolve) => {
        if (closing) return resolve();
        const entry = {
          resolve,
          timer: setTimeout(() => {
            timers.delete(entry);
            resolve();
          }, ms),
        };
        timers.add(entry);
      }),
  };

  const snapshot = options.statePath ? readSimulatorSnapshot(options.statePath) : undefined;
  if (snapshot) restoreSimulator(state, snapshot);
  const stateId = snapshot?.stateId ?? options.stateId ?? randomUUID();
  const statePath = options.statePath;
  let saveTimer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(saveTimer);
    saveTimer = undefined;
    if (statePath) writeSimulatorSnapshot(statePath, snapshotSimulator(state, stateId));
  };
  // Orders, sessions and mutations change on requests and on API calls: save soon after either
  // (at most once a second: each save writes the whole state synchronously; close() saves last).
  const saveSoon = () => {
    if (!statePath) return;
    saveTimer ??= setTimeout(save, 1000);
    saveTimer.unref();
  };
  const saving = <T>(promise: Promise<T>): Promise<T> => promise.finally(saveSoon);
  save();

  const server = createServer((req, res) => {
    res.on('finish', saveSoon);
    dispatch(state, req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof BodyTooLargeError) return sendJson(res, 413, { error: error.message });
      const message = error instanceof Error ? error.message : String(error);
      sendJson(res, 500, { error: `Simulator error: ${message}` });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  state.url = `http://${host}:${address.port}`;

  const simulator: ShopifySimulator = {
    url: state.url,
    restored: snapshot !== undefined,
    stateId,
    mutations: () => structuredClone(state.mutations),
    successfulMutations: (name) =>
      structuredClone(
        state.mutations.filter(
          (m) => m.answeredWith === 'success' && (name === undefined || m.mutation === name),
        ),
      ),
    injectFaults: (faults) => {
      state.faults.push(...faults);
    },
    setOutage: (on) => {
      state.outage = on;
    },
    issueAccessToken: ((shop: string, opts?: { expiring?: boolean }) => {
      if (!shops.includes(shop)) throw new SimulatorInputError(`Unknown shop ${shop}`, 404);
      const issued = state.tokens.issue(shop, DEFAULT_SCOPES, opts?.expiring !== false);
      saveSoon();
      return issued.refreshToken
        ? {
            accessToken: issued.accessToken,
            refreshToken: issued.refreshToken,
            expiresIn: issued.expiresIn,
          }
        : { accessToken: issued.accessToken };
    }) as ShopifySimulator['issueAccessToken'],
    orders: () => structuredClone(state.orders),
    placeOrder: (input) => saving(placeOrder(state, input)),
    resendPaymentSession: (orderId) => saving(resendPaymentSession(state, orderId)),
    retryCheckout: (orderId) => saving(retryCheckout(state, orderId)),
    issueRefund: (input) => saving(issueRefund(state, input)),
    resendRefundSession: (refundId) => saving(resendRefundSession(state, refundId)),
    sendWebhook: (input) => sendGdprWebhook(state, input),
    configuration: (shop) => {
      const configuration = state.configurations.get(shop);
      return configuration ? { ...configuration } : undefined;
    },
    close: async () => {
      closing = true;
      save();
      for (const entry of timers) {
        clearTimeout(entry.timer);
        entry.resolve();
      }
      timers.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
  return simulator;
}

async function dispatch(
  state: SimulatorState,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', state.url);
  const graphql = GRAPHQL_PATH.exec(url.pathname);
  if (graphql) {
    const version = graphql[1] as string;
    if (req.method !== 'POST')
      return sendJson(res, 405, { errors: 'Method Not Allowed' }, { Allow: 'POST' });
    if (!API_VERSION.test(version)) return sendJson(res, 404, { errors: 'Not Found' });
    if (state.graphqlDelayMs > 0) await state.hold(state.graphqlDelayMs);
    return handlePaymentsGraphql(state, req, res, version);
  }
  let pathMatched = false;
  for (const route of routes) {
    const match = route.pattern.exec(url.pathname);
    if (!match) continue;
    pathMatched = true;
    if (route.method !== req.method) continue;
    return route.handle({ state, req, res, url, params: match.slice(1) });
  }
  if (pathMatched) return sendJson(res, 405, { error: 'Method Not Allowed' });
  sendJson(res, 404, { error: `No route for ${req.method ?? ''} ${url.pathname}` });
}
