import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPortalApi } from './portal-api';

/**
 * A small HTTP server speaking the portal API's wire contract (cookie session, CSRF token that
 * rotates on each `GET /portal/session`), to check the client's side of it over real HTTP.
 */
let server: Server;
let origin: string;
const seen: Array<{ method: string; path: string; csrf: string | undefined; body: string }> = [];
let tokenVersion = 0;
let signedIn = true;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((done) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => done(body));
  });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const path = req.url ?? '/';
      const csrf = req.headers['x-csrf-token'];
      seen.push({
        method: req.method ?? '',
        path,
        csrf: typeof csrf === 'string' ? csrf : undefined,
        body,
      });
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (!signedIn) return send(401, { code: 'UNAUTHORIZED', message: 'Not signed in' });
      if (path === '/portal/session') {
        tokenVersion++;
        return send(200, {
          merchant: {
            shop: 'a.myshopify.com',
            displayName: null,
            payoutWallet: null,
            configured: false,
            mint: null,
            cluster: 'localnet',
          },
          csrfToken: `token-${tokenVersion}`,
        });
      }
      if (req.method !== 'GET' && csrf !== `token-${tokenVersion}`) {
        return send(403, { code: 'FORBIDDEN', message: 'Bad CSRF token' });
      }
      if (path === '/portal/settings/wallet') {
        const { payoutWallet } = JSON.parse(body) as { payoutWallet: string };
        if (payoutWallet === 'bad')
          return send(400, { code: 'VALIDATION_FAILED', message: 'Not a wallet' });
        return send(200, { payoutWallet, warning: 'No USDC account yet' });
      }
      if (path === '/portal/refunds/r%2F1/reject') return send(200, { outcome: 'paid-instead' });
      if (path === '/portal/payments?status=PAID&limit=2') {
        return send(200, {
          items: [
            {
              id: 'p',
              shopifyId: 's',
              amount: 1.5,
              currency: 'USD',
              tokenAmount: '1.5',
              status: 'PAID',
              createdAt: 'x',
            },
          ],
          nextCursor: null,
        });
      }
      if (path === '/portal/refunds/missing')
        return send(404, { code: 'NOT_FOUND', message: 'Unknown refund' });
      return send(500, { code: 'INTERNAL', message: 'Internal error', requestId: 'r' });
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
});

describe('createPortalApi', () => {
  it('sends the session CSRF token on writes and retries once with a fresh one after a 403', async () => {
    const api = createPortalApi({ purpleOrigin: origin });
    const session = await api.session();
    expect(session.ok && session.data.csrfToken).toBe('token-1');
    // Another tab renewed the session: our token is stale.
    tokenVersion++;
    const saved = await api.saveWallet('W1');
    expect(saved).toEqual({
      ok: true,
      data: { payoutWallet: 'W1', warning: 'No USDC account yet' },
    });
    const writes = seen.filter((r) => r.method === 'PUT');
    expect(writes.map((r) => r.csrf)).toEqual(['token-1', 'token-3']);
    expect(JSON.parse(writes[1]?.body ?? '{}')).toEqual({ payoutWallet: 'W1' });
  });

  it('maps refusals, unknown ids and server errors to reasons the page can branch on', async () => {
    const api = createPortalApi({ purpleOrigin: origin });
    await api.session();
    expect(await api.saveWallet('bad')).toMatchObject({
      ok: false,
      reason: 'refused',
      status: 400,
      message: 'Not a wallet',
    });
    expect(await api.refund('missing')).toMatchObject({
      ok: false,
      reason: 'not-found',
      status: 404,
    });
    const failed = await api.configure();
    expect(failed).toMatchObject({ ok: false, reason: 'unavailable', status: 500 });
    expect(failed.ok ? '' : failed.message).not.toContain('Internal error');
    expect(await api.rejectRefund('r/1', 'why')).toEqual({ ok: true, data: 'paid-instead' });
  });

  it('refuses an answer that breaks the contract (money as a JSON number)', async () => {
    const api = createPortalApi({ purpleOrigin: origin });
    expect(await api.payments({ status: 'PAID', limit: 2 })).toMatchObject({
      ok: false,
      reason: 'unavailable',
      message: 'Solana Pay sent an unexpected answer.',
    });
  });

  it('reports a missing session as signed-out and an unreachable API as unavailable', async () => {
    signedIn = false;
    try {
      const api = createPortalApi({ purpleOrigin: origin });
      expect(await api.session()).toMatchObject({ ok: false, reason: 'signed-out', status: 401 });
    } finally {
      signedIn = true;
    }
    const offline = createPortalApi({ purpleOrigin: 'http://127.0.0.1:1' });
    expect(await offline.session()).toMatchObject({ ok: false, reason: 'unavailable', status: 0 });
  });
});
