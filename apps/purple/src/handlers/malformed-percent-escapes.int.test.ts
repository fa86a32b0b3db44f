/**
 * A malformed percent-escape in a request path or query (`%`, `%E0%A4%A`, an encoded lone
 * surrogate) is the caller's mistake: every route answers 400 `{ code, message }` — before
 * authentication, and never a `URIError` 500 (issue 11, defect 4). Sent over HTTPS through the
 * local gateways, as a browser or a scanner would.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { startPaymentHarness, type PaymentHarness } from '../test-support/payment-harness';

let h: PaymentHarness;

beforeAll(async () => {
  h = await startPaymentHarness({ env: process.env, workers: [] });
}, 120_000);

afterAll(async () => {
  await h?.close();
});

const MALFORMED = ['%', '%E0%A4%A', '%ZZ', '%ED%A0%80', 'ok%C3'];

describe('malformed percent-escapes answer 400 with a message', () => {
  it('in the portal path (GET /portal/refunds/%E0%A4%A, /portal/refunds/%), before authentication', async () => {
    for (const bad of MALFORMED) {
      for (const path of [`/portal/refunds/${bad}`, `/portal/refunds/${bad}/reject`]) {
        const method = path.endsWith('/reject') ? 'POST' : 'GET';
        const reply = await h.request(`${h.stack.urls.purple}${path}`, { method });
        expect({ path, status: reply.status, json: reply.json }).toEqual({
          path,
          status: 400,
          json: { code: 'BAD_REQUEST', message: 'Malformed percent-escape in the request path' },
        });
      }
    }
  });

  it('in every other purple route that takes a path parameter or a query', async () => {
    const id = randomUUID();
    const paths = MALFORMED.flatMap((bad) => [
      `/tx/payment/${bad}`,
      `/tx/${bad}/${id}`,
      `/checkout/payments/${bad}`,
      `/checkout/payments/${id}?x=${bad}`,
      `/auth/install?shop=${bad}`,
      `/auth/callback?code=1&shop=${bad}`,
      `/portal/session?${bad}=1`,
    ]);
    for (const path of paths) {
      const reply = await h.request(`${h.stack.urls.purple}${path}`);
      expect({ path, status: reply.status, code: reply.json?.code }).toEqual({
        path,
        status: 400,
        code: 'BAD_REQUEST',
      });
      expect(String(reply.json?.message)).toMatch(/Malformed percent-escape/);
    }
  });

  it('on green too (REST API, mTLS)', async () => {
    for (const bad of MALFORMED) {
      const reply = await h.request(`${h.stack.urls.green}/gdpr/customers/${bad}`, {
        method: 'POST',
        mtls: true,
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(reply.status).toBeLessThan(500);
    }
  });
});
