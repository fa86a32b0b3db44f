/* eslint-disable @typescript-eslint/no-explicit-any -- tests read deep JSON responses. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startShopifySimulator, type ShopifySimulator } from './index';
import { startFakeGreen, type FakeGreen } from './test-support/fake-green-server';
import { createThrowawayPki } from './test-support/throwaway-pki';

const API_VERSION = '2026-10';
const SHOP = 'demo-shop.myshopify.com';
const OTHER_SHOP = 'other-shop.myshopify.com';

const RESOLVE = `mutation Resolve($id: ID!) {
  paymentSessionResolve(id: $id) {
    paymentSession {
      id
      state { ... on PaymentSessionStateResolved { code } }
      nextAction { action context { ... on PaymentSessionActionsRedirect { redirectUrl } } }
    }
    userErrors { field message }
  }
}`;
const REJECT = `mutation Reject($id: ID!, $reason: PaymentSessionRejectionReasonInput!) {
  paymentSessionReject(id: $id, reason: $reason) {
    paymentSession {
      id
      state { ... on PaymentSessionStateRejected { code reason merchantMessage } }
      nextAction { action context { ... on PaymentSessionActionsRedirect { redirectUrl } } }
    }
    userErrors { field message }
  }
}`;
const REFUND_RESOLVE = `mutation R($id: ID!) { refundSessionResolve(id: $id) {
  refundSession { id state { ... on RefundSessionStateResolved { code } } } userErrors { field message code } } }`;
const REFUND_REJECT = `mutation R($id: ID!, $reason: RefundSessionRejectionReasonInput!) { refundSessionReject(id: $id, reason: $reason) {
  refundSession { id state { ... on RefundSessionStateRejected { code reason merchantMessage } } } userErrors { field message code } } }`;
const CONFIGURE =
  'mutation C($h:String,$r:Boolean!){paymentsAppConfigure(externalHandle:$h,ready:$r){paymentsAppConfiguration{externalHandle ready} userErrors{field message}}}';

let sim: ShopifySimulator;
let green: FakeGreen;
let clock = Date.now();
let token: string;

async function gql(
  query: string,
  variables: Record<string, unknown>,
  options: { token?: string | null; contentType?: string; version?: string } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = {
    'Content-Type': options.contentType ?? 'application/json',
  };
  const accessToken = options.token === undefined ? token : options.token;
  if (accessToken !== null) headers['X-Shopify-Access-Token'] = accessToken;
  const res = await fetch(
    `${sim.url}/payments_apps/api/${options.version ?? API_VERSION}/graphql.json`,
    { method: 'POST', headers, body: JSON.stringify({ query, variables }) },
  );
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

async function newSessionGid(): Promise<{ gid: string; orderId: string }> {
  const { order } = await sim.placeOrder({ amount: '10.00' });
  const session = order.paymentSessions[0]!;
  return { gid: session.gid, orderId: order.id };
}

beforeAll(async () => {
  const pki = createThrowawayPki();
  green = await startFakeGreen(pki, 'secret');
  sim = await startShopifySimulator({
    apiKey: 'key',
    apiSecret: 'secret',
    apiVersion: API_VERSION,
    green: { url: green.url, ca: pki.caCert, clientCert: pki.clientCert, clientKey: pki.clientKey },
    shops: [SHOP, OTHER_SHOP],
    tokenTtlSeconds: 3600,
    now: () => clock,
  });
  token = sim.issueAccessToken(SHOP).accessToken;
});

afterAll(async () => {
  await sim.close();
  await green.close();
});

describe('payment session mutations', () => {
  it('resolves with a redirect to the thank-you page and extensions.cost', async () => {
    const { gid, orderId } = await newSessionGid();
    const res = await gql(RESOLVE, { id: gid });
    expect(res.status).toBe(200);
    expect(res.body.data.paymentSessionResolve).toEqual({
      paymentSession: {
        id: gid,
        state: { code: 'RESOLVED' },
        nextAction: {
          action: 'REDIRECT',
          context: { redirectUrl: `${sim.url}/orders/${orderId}/thank_you` },
        },
      },
      userErrors: [],
    });
    expect(res.body.extensions.cost).toMatchObject({
      requestedQueryCost: 10,
      actualQueryCost: 10,
      throttleStatus: { maximumAvailable: 1000, restoreRate: 50 },
    });
    expect(sim.orders().find((o) => o.id === orderId)?.status).toBe('paid');
    const page = await (await fetch(`${sim.url}/orders/${orderId}/thank_you`)).text();
    expect(page).toContain('Thank you — order paid');
  });

  it('answers a repeated resolve with the same answer, and a later reject with a user error', async () => {
    const { gid } = await newSessionGid();
    const first = await gql(RESOLVE, { id: gid });
    const second = await gql(RESOLVE, { id: gid });
    expect(second.body.data).toEqual(first.body.data);
    const reject = await gql(REJECT, { id: gid, reason: { code: 'RISKY', merchantMessage: 'x' } });
    expect(reject.body.data.paymentSessionReject).toEqual({
      paymentSession: null,
      userErrors: [{ field: ['id'], message: 'Payment session is already resolved' }],
    });
    const names = sim
      .mutations()
      .filter((m) => m.args?.id === gid)
      .map((m) => [m.mutation, m.answeredWith]);
    expect(names).toEqual([
      ['paymentSessionResolve', 'success'],
      ['paymentSessionResolve', 'success'],
      ['paymentSessionReject', 'user-errors'],
    ]);
  });

  it('rejects (first reason kept on repeat) and then refuses a resolve', async () => {
    const { gid, orderId } = await newSessionGid();
    const first = await gql(REJECT, {
      id: gid,
      reason: { code: 'PROCESSING_ERROR', merchantMessage: 'expired' },
    });
    expect(first.body.data.paymentSessionReject.paymentSession).toEqual({
      id: gid,
      state: { code: 'REJECTED', reason: 'PROCESSING_ERROR', merchantMessage: 'expired' },
      nextAction: {
        action: 'REDIRECT',
        context: { redirectUrl: `${sim.url}/checkouts/${orderId}/cancelled` },
      },
    });
    const again = await gql(REJECT, { id: gid, reason: { code: 'RISKY', merchantMessage: 'new' } });
    expect(again.body.data).toEqual(first.body.data);
    const resolve = await gql(RESOLVE, { id: gid });
    expect(resolve.body.data.paymentSessionResolve.userErrors).toEqual([
      { field: ['id'], message: 'Payment session is already rejected' },
    ]);
    expect(sim.orders().find((o) => o.id === orderId)?.status).toBe('rejected');
  });

  it('answers "not found" for an unknown gid and for another shop\'s session', async () => {
    const unknown = await gql(RESOLVE, { id: 'gid://shopify/PaymentSession/nope' });
    expect(unknown.body.data.paymentSessionResolve).toEqual({
      paymentSession: null,
      userErrors: [{ field: ['id'], message: 'Payment session does not exist' }],
    });
    const { gid } = await newSessionGid();
    const otherToken = sim.issueAccessToken(OTHER_SHOP).accessToken;
    const foreign = await gql(RESOLVE, { id: gid }, { token: otherToken });
    expect(foreign.body.data.paymentSessionResolve.userErrors[0].message).toBe(
      'Payment session does not exist',
    );
  });

  it('rejects a bare id (not a gid) and an invalid reason code as GraphQL errors', async () => {
    const bare = await gql(RESOLVE, { id: 'abc' });
    expect(bare.status).toBe(200);
    expect(bare.body.errors[0].message).toMatch(/Invalid global id/);
    const { gid } = await newSessionGid();
    const badReason = await gql(REJECT, { id: gid, reason: { code: 'BUYER_CANCELLED' } });
    expect(badReason.body.errors[0].extensions.code).toBe('argumentLiteralsIncompatible');
    expect(sim.mutations().at(-1)?.answeredWith).toBe('graphql-error');
  });

  it('honours aliases, inline arguments and __typename', async () => {
    const { gid } = await newSessionGid();
    const res = await gql(
      `mutation { done: paymentSessionResolve(id: "${gid}") { __typename paymentSession { state { __typename } } } }`,
      {},
    );
    expect(res.body.data).toEqual({
      done: {
        __typename: 'PaymentSessionResolvePayload',
        paymentSession: { state: { __typename: 'PaymentSessionStateResolved' } },
      },
    });
  });
});

describe('refund session mutations', () => {
  async function paidOrderRefundGid(): Promise<string> {
    const { gid, orderId } = await newSessionGid();
    await gql(RESOLVE, { id: gid });
    const refund = await sim.issueRefund({ orderId, amount: '4.00' });
    expect(refund.status).toBe(201);
    return refund.gid;
  }

  it('resolves idempotently, then refuses a reject with REFUND_SESSION_INVALID_STATE', async () => {
    const gid = await paidOrderRefundGid();
    const first = await gql(REFUND_RESOLVE, { id: gid });
    expect(first.body.data.refundSessionResolve).toEqual({
      refundSession: { id: gid, state: { code: 'RESOLVED' } },
      userErrors: [],
    });
    expect((await gql(REFUND_RESOLVE, { id: gid })).body.data).toEqual(first.body.data);
    const reject = await gql(REFUND_REJECT, { id: gid, reason: { code: 'PROCESSING_ERROR' } });
    expect(reject.body.data.refundSessionReject.userErrors).toEqual([
      {
        field: ['id'],
        message: 'Refund session is already resolved',
        code: 'REFUND_SESSION_INVALID_STATE',
      },
    ]);
    const order = sim.orders().find((o) => o.refunds.some((r) => r.gid === gid));
    expect(order?.status).toBe('partially-refunded');
  });

  it('rejects, then refuses a resolve; unknown refund is REFUND_SESSION_NOT_FOUND', async () => {
    const gid = await paidOrderRefundGid();
    const reject = await gql(REFUND_REJECT, {
      id: gid,
      reason: { code: 'PROCESSING_ERROR', merchantMessage: 'merchant declined' },
    });
    expect(reject.body.data.refundSessionReject.refundSession.state).toEqual({
      code: 'REJECTED',
      reason: 'PROCESSING_ERROR',
      merchantMessage: 'merchant declined',
    });
    const resolve = await gql(REFUND_RESOLVE, { id: gid });
    expect(resolve.body.data.refundSessionResolve.userErrors[0].code).toBe(
      'REFUND_SESSION_INVALID_STATE',
    );
    const unknown = await gql(REFUND_RESOLVE, { id: 'gid://shopify/RefundSession/zzz' });
    expect(unknown.body.data.refundSessionResolve.userErrors[0].code).toBe(
      'REFUND_SESSION_NOT_FOUND',
    );
  });
});

describe('paymentsAppConfigure', () => {
  it('stores the configuration and shows it on the payments settings page', async () => {
    const res = await gql(CONFIGURE, { h: 'acme-store-7Fq2', r: true });
    expect(res.body.data.paymentsAppConfigure).toEqual({
      paymentsAppConfiguration: { externalHandle: 'acme-store-7Fq2', ready: true },
      userErrors: [],
    });
    expect(sim.configuration(SHOP)).toMatchObject({
      externalHandle: 'acme-store-7Fq2',
      ready: true,
    });
    const page = await (await fetch(`${sim.url}/admin/settings/payments?shop=${SHOP}`)).text();
    expect(page).toContain('Ready to accept payments');
    expect(page).toContain('acme-store-7Fq2');
    expect(sim.successfulMutations('paymentsAppConfigure').at(-1)).toMatchObject({
      shop: SHOP,
      apiVersion: API_VERSION,
      accessToken: token,
      variables: { h: 'acme-store-7Fq2', r: true },
    });
  });
});

describe('authentication and transport', () => {
  it('answers 401 for a missing, unknown or expired token and records the call', async () => {
    expect((await gql(CONFIGURE, { r: true }, { token: null })).status).toBe(401);
    expect((await gql(CONFIGURE, { r: true }, { token: 'shpat_unknown' })).status).toBe(401);
    const shortLived = sim.issueAccessToken(SHOP).accessToken;
    expect((await gql(CONFIGURE, { r: true }, { token: shortLived })).status).toBe(200);
    clock += 3601_000;
    const expired = await gql(CONFIGURE, { r: true }, { token: shortLived });
    expect(expired.status).toBe(401);
    expect(sim.mutations().at(-1)).toMatchObject({
      shop: null,
      accessToken: shortLived,
      answeredWith: 'http-error',
      httpStatus: 401,
    });
    token = sim.issueAccessToken(SHOP).accessToken;
  });

  it('requires JSON and a known version format', async () => {
    expect((await gql(CONFIGURE, { r: true }, { contentType: 'text/plain' })).status).toBe(415);
    expect((await gql(CONFIGURE, { r: true }, { version: 'latest' })).status).toBe(404);
    const other = await gql(CONFIGURE, { r: true }, { version: '2025-07' });
    expect(other.status).toBe(200);
    expect(sim.mutations().at(-1)?.apiVersion).toBe('2025-07');
  });
});

describe('faults', () => {
  it('plays queued faults in order, then answers normally', async () => {
    const { gid } = await newSessionGid();
    sim.injectFaults([
      { kind: 'http', status: 500 },
      { kind: 'http', status: 429, retryAfterSeconds: 7 },
      { kind: 'timeout', ms: 50 },
      { kind: 'reset' },
      { kind: 'throttled' },
      { kind: 'user-errors', message: 'Something odd', code: 'ODD' },
    ]);
    const r500 = await gql(RESOLVE, { id: gid });
    expect(r500.status).toBe(500);
    const r429 = await gql(RESOLVE, { id: gid });
    expect(r429.status).toBe(429);
    expect(r429.headers.get('retry-after')).toBe('7');
    await expect(gql(RESOLVE, { id: gid })).rejects.toThrow();
    await expect(gql(RESOLVE, { id: gid })).rejects.toThrow();
    const throttled = await gql(RESOLVE, { id: gid });
    expect(throttled.status).toBe(200);
    expect(throttled.body.errors[0].extensions.code).toBe('THROTTLED');
    expect(throttled.body.extensions.cost.throttleStatus.currentlyAvailable).toBe(0);
    const userErrors = await gql(RESOLVE, { id: gid });
    expect(userErrors.body.data.paymentSessionResolve).toEqual({
      paymentSession: null,
      userErrors: [{ field: null, message: 'Something odd' }],
    });
    // Nothing above took effect: the session is still open.
    expect(sim.orders().find((o) => o.paymentSessions[0]?.gid === gid)?.status).toBe(
      'awaiting-payment',
    );
    const ok = await gql(RESOLVE, { id: gid });
    expect(ok.body.data.paymentSessionResolve.paymentSession.state.code).toBe('RESOLVED');
    const answers = sim
      .mutations()
      .filter((m) => m.args?.id === gid)
      .map((m) => m.answeredWith);
    expect(answers).toEqual([
      'http-error',
      'http-error',
      'timeout',
      'reset',
      'throttled',
      'user-errors',
      'success',
    ]);
  });

  it('can lose the answer after applying the mutation (afterApply)', async () => {
    const { gid } = await newSessionGid();
    sim.injectFaults([{ kind: 'reset', afterApply: true }]);
    await expect(gql(RESOLVE, { id: gid })).rejects.toThrow();
    expect(sim.orders().find((o) => o.paymentSessions[0]?.gid === gid)?.status).toBe('paid');
    const retry = await gql(RESOLVE, { id: gid });
    expect(retry.body.data.paymentSessionResolve.userErrors).toEqual([]);
  });

  it('answers 503 to every call during an outage, keeping queued faults for later', async () => {
    sim.setOutage(true);
    sim.injectFaults([{ kind: 'http', status: 502 }]);
    expect((await gql(CONFIGURE, { r: true })).status).toBe(503);
    expect((await gql(CONFIGURE, { r: true })).status).toBe(503);
    sim.setOutage(false);
    expect((await gql(CONFIGURE, { r: true })).status).toBe(502);
    expect((await gql(CONFIGURE, { r: true })).status).toBe(200);
  });

  it('accepts faults and outage through the /_sim control API', async () => {
    const post = (path: string, body: unknown) =>
      fetch(`${sim.url}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post('/_sim/faults', { faults: [{ kind: 'http', status: 503 }] })).status).toBe(
      200,
    );
    expect((await post('/_sim/faults', [{ kind: 'bogus' }])).status).toBe(400);
    expect((await gql(CONFIGURE, { r: true })).status).toBe(503);
    expect((await post('/_sim/outage', { on: true })).status).toBe(200);
    expect((await gql(CONFIGURE, { r: true })).status).toBe(503);
    await post('/_sim/outage', { on: false });
    const mutations = (await (await fetch(`${sim.url}/_sim/mutations`)).json()) as {
      mutations: unknown[];
    };
    expect(mutations.mutations.length).toBe(sim.mutations().length);
  });
});
