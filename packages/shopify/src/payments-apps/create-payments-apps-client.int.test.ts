import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { sendJson, startLocalHttpServer, type LocalHttpServer } from '../testing/local-http-server';
import { createPaymentsAppsClient, type PaymentsAppsClient } from './create-payments-apps-client';
import {
  paymentSessionRejectRequest,
  paymentSessionResolveRequest,
  paymentsAppConfigureRequest,
  refundSessionRejectRequest,
  refundSessionResolveRequest,
} from './payments-apps-request';

const shop = 'example-shop.myshopify.com';
const accessToken = 'shpat_test_token';
const paymentGid = 'gid://shopify/PaymentSession/x7KqP2mLwR4tZ9aB';
const refundGid = 'gid://shopify/RefundSession/rF8kW2';
const thankYou = 'https://example-shop.myshopify.com/orders/abc/thank_you';
const now = new Date('2026-02-03T10:15:00Z');

let server: LocalHttpServer;
let client: PaymentsAppsClient;

beforeAll(async () => {
  server = await startLocalHttpServer();
  client = createPaymentsAppsClient({
    apiVersion: '2025-10',
    adminOrigin: server.origin,
    timeoutMs: 2_000,
    now: () => now,
  });
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.requests.length = 0;
});

const resolvedPayment = (userErrors: unknown[] = []) => ({
  data: {
    paymentSessionResolve: {
      paymentSession: {
        id: paymentGid,
        state: { __typename: 'PaymentSessionStateResolved', code: 'RESOLVED' },
        nextAction: { action: 'REDIRECT', context: { redirectUrl: thankYou } },
      },
      userErrors,
    },
  },
  extensions: {
    cost: {
      requestedQueryCost: 10,
      actualQueryCost: 10,
      throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 990, restoreRate: 50 },
    },
  },
});

describe('createPaymentsAppsClient', () => {
  it('sends the mutation with the Shopify HTTP shape and returns the redirect on success', async () => {
    server.handle((_req, res) => sendJson(res, 200, resolvedPayment()));

    const result = await client.send({
      shop,
      accessToken,
      ...paymentSessionResolveRequest(paymentGid),
    });

    expect(result).toMatchObject({ kind: 'success', redirectUrl: thankYou, alreadyFinal: false });
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/payments_apps/api/2025-10/graphql.json');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['x-shopify-access-token']).toBe(accessToken);
    const body = JSON.parse(request?.body ?? '{}') as { query: string; variables: unknown };
    expect(body.query).toContain('paymentSessionResolve(id: $id)');
    expect(body.query).toContain('... on PaymentSessionActionsRedirect { redirectUrl }');
    expect(body.variables).toEqual({ id: paymentGid });
  });

  it('uses the per-request API version in the path', async () => {
    server.handle((_req, res) => sendJson(res, 200, resolvedPayment()));
    await client.send({
      shop,
      accessToken,
      apiVersion: '2025-07',
      ...paymentSessionResolveRequest(paymentGid),
    });
    expect(server.requests[0]?.url).toBe('/payments_apps/api/2025-07/graphql.json');
  });

  it('sends the reject reason and returns the redirect', async () => {
    server.handle((_req, res) =>
      sendJson(res, 200, {
        data: {
          paymentSessionReject: {
            paymentSession: {
              id: paymentGid,
              state: {
                __typename: 'PaymentSessionStateRejected',
                code: 'REJECTED',
                reason: 'RISKY',
                merchantMessage: 'Sanctions screening hit',
              },
              nextAction: { action: 'REDIRECT', context: { redirectUrl: thankYou } },
            },
            userErrors: [],
          },
        },
      }),
    );
    const result = await client.send({
      shop,
      accessToken,
      ...paymentSessionRejectRequest(paymentGid, {
        code: 'RISKY',
        merchantMessage: 'Sanctions screening hit',
      }),
    });
    expect(result).toMatchObject({ kind: 'success', redirectUrl: thankYou });
    const body = JSON.parse(server.requests[0]?.body ?? '{}') as { variables: unknown };
    expect(body.variables).toEqual({
      id: paymentGid,
      reason: { code: 'RISKY', merchantMessage: 'Sanctions screening hit' },
    });
  });

  it('classifies ordinary userErrors as a definitive failure without conflict', async () => {
    server.handle((_req, res) =>
      sendJson(res, 200, {
        data: {
          paymentsAppConfigure: {
            paymentsAppConfiguration: null,
            userErrors: [{ field: ['externalHandle'], message: 'External handle is too long' }],
          },
        },
      }),
    );
    const result = await client.send({
      shop,
      accessToken,
      ...paymentsAppConfigureRequest({ externalHandle: 'acme-store-7Fq2', ready: true }),
    });
    expect(result).toEqual({
      kind: 'definitive-failure',
      conflict: false,
      userErrors: [{ field: ['externalHandle'], message: 'External handle is too long' }],
    });
  });

  it('treats "already resolved" on a resolve as success', async () => {
    server.handle((_req, res) =>
      sendJson(res, 200, {
        data: {
          paymentSessionResolve: {
            paymentSession: null,
            userErrors: [{ field: ['id'], message: 'Payment session has already been resolved.' }],
          },
        },
      }),
    );
    const result = await client.send({
      shop,
      accessToken,
      ...paymentSessionResolveRequest(paymentGid),
    });
    expect(result).toMatchObject({ kind: 'success', alreadyFinal: true });
  });

  it('treats a userError on a session already resolved (per its state) as success when resolving', async () => {
    server.handle((_req, res) =>
      sendJson(res, 200, resolvedPayment([{ field: null, message: 'Invalid state transition' }])),
    );
    const result = await client.send({
      shop,
      accessToken,
      ...paymentSessionResolveRequest(paymentGid),
    });
    expect(result).toMatchObject({ kind: 'success', alreadyFinal: true, redirectUrl: thankYou });
  });

  it('flags a reject after a resolve as a conflict', async () => {
    server.handle((_req, res) =>
      sendJson(res, 200, {
        data: {
          paymentSessionReject: {
            paymentSession: null,
            userErrors: [{ field: ['id'], message: 'Payment session has already been resolved.' }],
          },
        },
      }),
    );
    const result = await client.send({
      shop,
      accessToken,
      ...paymentSessionRejectRequest(paymentGid, {
        code: 'PROCESSING_ERROR',
        merchantMessage: 'Payment expired',
      }),
    });
    expect(result).toMatchObject({ kind: 'definitive-failure', conflict: true });
  });

  it('flags REFUND_SESSION_INVALID_STATE as a conflict for both refund mutations', async () => {
    const answer = (name: string) => ({
      data: {
        [name]: {
          refundSession: null,
          userErrors: [
            {
              field: ['id'],
              message: 'Refund session is in an invalid state',
              code: 'REFUND_SESSION_INVALID_STATE',
            },
          ],
        },
      },
    });
    server.handle((_req, res) => sendJson(res, 200, answer('refundSessionResolve')));
    const resolved = await client.send({
      shop,
      accessToken,
      ...refundSessionResolveRequest(refundGid),
    });
    expect(resolved).toMatchObject({ kind: 'definitive-failure', conflict: true });

    server.handle((_req, res) => sendJson(res, 200, answer('refundSessionReject')));
    const rejected = await client.send({
      shop,
      accessToken,
      ...refundSessionRejectRequest(refundGid, 'Refund exceeds the refundable amount'),
    });
    expect(rejected).toMatchObject({ kind: 'definitive-failure', conflict: true });
    const body = JSON.parse(server.requests[1]?.body ?? '{}') as {
      query: string;
      variables: unknown;
    };
    expect(body.query).toContain('userErrors { field message code }');
    expect(body.variables).toEqual({
      id: refundGid,
      reason: { code: 'PROCESSING_ERROR', merchantMessage: 'Refund exceeds the refundable amount' },
    });
  });

  it('treats REFUND_SESSION_NOT_FOUND as a definitive failure without conflict', async () => {
    server.handle((_req, res) =>
      sendJson(res, 200, {
        data: {
          refundSessionResolve: {
            refundSession: null,
            userErrors: [
              {
                field: ['id'],
                message: 'Refund session not found',
                code: 'REFUND_SESSION_NOT_FOUND',
              },
            ],
          },
        },
      }),
    );
    const result = await client.send({
      shop,
      accessToken,
      ...refundSessionResolveRequest(refundGid),
    });
    expect(result).toMatchObject({ kind: 'definitive-failure', conflict: false });
  });

  it('classifies 500 and 503 (with Retry-After) as transient', async () => {
    server.handle((_req, res) => sendJson(res, 500, { errors: 'Internal error' }));
    expect(
      await client.send({ shop, accessToken, ...paymentSessionResolveRequest(paymentGid) }),
    ).toEqual({ kind: 'transient', reason: 'http-5xx', status: 500 });

    server.handle((_req, res) =>
      sendJson(res, 503, { errors: 'Unavailable' }, { 'Retry-After': '7' }),
    );
    expect(
      await client.send({ shop, accessToken, ...paymentSessionResolveRequest(paymentGid) }),
    ).toEqual({ kind: 'transient', reason: 'http-5xx', status: 503, retryAfterMs: 7_000 });
  });

  it('honours Retry-After on 429, in seconds or as an HTTP date', async () => {
    server.handle((_req, res) =>
      sendJson(res, 429, { errors: 'Throttled' }, { 'Retry-After': '2' }),
    );
    expect(
      await client.send({ shop, accessToken, ...paymentSessionResolveRequest(paymentGid) }),
    ).toEqual({ kind: 'transient', reason: 'http-429', status: 429, retryAfterMs: 2_000 });

    const later = new Date(now.getTime() + 30_000).toUTCString();
    server.handle((_req, res) =>
      sendJson(res, 429, { errors: 'Throttled' }, { 'Retry-After': later }),
    );
    expect(
      await client.send({ shop, accessToken, ...paymentSessionResolveRequest(paymentGid) }),
    ).toEqual({ kind: 'transient', reason: 'http-429', status: 429, retryAfterMs: 30_000 });
  });

  it('classifies a THROTTLED GraphQL answer as transient with the wait from the throttle status', async () => {
    server.handle((_req, res) =>
      sendJson(res, 200, {
        errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }],
        extensions: {
          cost: {
            requestedQueryCost: 200,
            actualQueryCost: null,
            throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 50, restoreRate: 50 },
          },
        },
      }),
    );
    expect(
      await client.send({ shop, accessToken, ...paymentSessionResolveRequest(paymentGid) }),
    ).toEqual({ kind: 'transient', reason: 'throttled', status: 200, retryAfterMs: 3_000 });
  });

  it.each([401, 403] as const)('classifies %i as unauthorized', async (status) => {
    server.handle((_req, res) =>
      sendJson(res, status, { errors: '[API] Invalid API key or access token' }),
    );
    expect(
      await client.send({ shop, accessToken, ...paymentSessionResolveRequest(paymentGid) }),
    ).toEqual({ kind: 'unauthorized', status });
  });

  it.each([402, 404, 423] as const)('classifies %i as shop-unavailable', async (status) => {
    server.handle((_req, res) => sendJson(res, status, { errors: 'Unavailable Shop' }));
    expect(
      await client.send({ shop, accessToken, ...paymentSessionResolveRequest(paymentGid) }),
    ).toEqual({ kind: 'shop-unavailable', status });
  });

  it('classifies a connection reset as transient network', async () => {
    server.handle((_req, res) => {
      res.socket?.destroy();
    });
    expect(
      await client.send({ shop, accessToken, ...paymentSessionResolveRequest(paymentGid) }),
    ).toEqual({ kind: 'transient', reason: 'network' });
  });

  it('classifies no answer within timeoutMs as transient timeout', async () => {
    const impatient = createPaymentsAppsClient({
      apiVersion: '2025-10',
      adminOrigin: server.origin,
      timeoutMs: 150,
    });
    server.handle(() => {
      // Never answer: the client must give up on its own.
    });
    expect(
      await impatient.send({ shop, accessToken, ...paymentSessionResolveRequest(paymentGid) }),
    ).toEqual({ kind: 'transient', reason: 'timeout' });
  });

  it('classifies a body that stalls after the headers as transient timeout', async () => {
    const impatient = createPaymentsAppsClient({
      apiVersion: '2025-10',
      adminOrigin: server.origin,
      timeoutMs: 150,
    });
    server.handle((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"data":');
    });
    expect(
      await impatient.send({ shop, accessToken, ...paymentSessionResolveRequest(paymentGid) }),
    ).toEqual({ kind: 'transient', reason: 'timeout' });
  });

  it('classifies a non-JSON 200 body as transient bad-response', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html>maintenance</html>');
    });
    expect(
      await client.send({ shop, accessToken, ...paymentSessionResolveRequest(paymentGid) }),
    ).toEqual({ kind: 'transient', reason: 'bad-response', status: 200 });
  });

  it('classifies a GraphQL validation error as a definitive failure', async () => {
    server.handle((_req, res) =>
      sendJson(res, 200, {
        errors: [
          {
            message: "Field 'nope' doesn't exist on type 'PaymentSession'",
            path: ['mutation PaymentSessionResolve', 'nope'],
            extensions: { code: 'undefinedField' },
          },
        ],
      }),
    );
    const result = await client.send({
      shop,
      accessToken,
      ...paymentSessionResolveRequest(paymentGid),
    });
    expect(result).toMatchObject({
      kind: 'definitive-failure',
      conflict: false,
      userErrors: [{ code: 'undefinedField' }],
    });
  });

  it('refuses a malformed request without calling Shopify', async () => {
    const result = await client.send({
      shop,
      accessToken,
      mutation: 'paymentSessionResolve',
      variables: { id: 'x7KqP2mLwR4tZ9aB' },
    });
    expect(result).toMatchObject({ kind: 'definitive-failure', conflict: false });
    const badShop = await client.send({
      shop: 'evil.com?x=a.myshopify.com',
      accessToken,
      ...paymentSessionResolveRequest(paymentGid),
    });
    expect(badShop).toMatchObject({ kind: 'definitive-failure', conflict: false });
    expect(server.requests).toHaveLength(0);
  });
});
