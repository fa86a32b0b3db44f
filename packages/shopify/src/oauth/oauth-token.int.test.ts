import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { sendJson, startLocalHttpServer, type LocalHttpServer } from '../testing/local-http-server';
import { exchangeAuthorizationCode } from './exchange-authorization-code';
import { refreshAccessToken } from './refresh-access-token';

const shop = 'example-shop.myshopify.com';
const now = new Date('2026-02-03T10:00:00Z');

let server: LocalHttpServer;
let common: { shop: string; adminOrigin: string; timeoutMs: number; now: () => Date };

beforeAll(async () => {
  server = await startLocalHttpServer();
  common = { shop, adminOrigin: server.origin, timeoutMs: 2_000, now: () => now };
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.requests.length = 0;
});

describe('exchangeAuthorizationCode', () => {
  it('posts the expiring offline code exchange and parses the grant', async () => {
    server.handle((_req, res) =>
      sendJson(res, 200, {
        access_token: 'shpat_first',
        scope: 'write_payment_gateways,write_payment_sessions',
        expires_in: 3600,
        refresh_token: 'shprt_first',
        refresh_token_expires_in: 7_776_000,
      }),
    );

    const result = await exchangeAuthorizationCode({
      ...common,
      apiKey: 'client-id',
      apiSecret: 'client-secret',
      code: 'auth-code-1',
    });

    expect(result).toEqual({
      ok: true,
      grant: {
        accessToken: 'shpat_first',
        scope: 'write_payment_gateways,write_payment_sessions',
        expiresAt: new Date('2026-02-03T11:00:00Z'),
        refreshToken: 'shprt_first',
        refreshTokenExpiresAt: new Date(now.getTime() + 7_776_000_000),
      },
    });
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/admin/oauth/access_token');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '{}')).toEqual({
      client_id: 'client-id',
      client_secret: 'client-secret',
      code: 'auth-code-1',
      expiring: '1',
    });
  });

  it('parses a non-expiring token (no expiry fields)', async () => {
    server.handle((_req, res) => sendJson(res, 200, { access_token: 'shpat_x', scope: 'a,b' }));
    const result = await exchangeAuthorizationCode({
      ...common,
      apiKey: 'id',
      apiSecret: 'secret',
      code: 'c',
    });
    expect(result).toEqual({ ok: true, grant: { accessToken: 'shpat_x', scope: 'a,b' } });
  });

  it('reports a refused code as invalid-grant', async () => {
    server.handle((_req, res) =>
      sendJson(res, 400, {
        error: 'invalid_request',
        error_description: 'The authorization code was not found or was already used',
      }),
    );
    const result = await exchangeAuthorizationCode({
      ...common,
      apiKey: 'id',
      apiSecret: 'secret',
      code: 'used',
    });
    expect(result).toEqual({
      ok: false,
      reason: 'invalid-grant',
      status: 400,
      detail: 'invalid_request',
    });
  });

  it('reports 5xx and malformed bodies as http-error, resets as network', async () => {
    const input = { ...common, apiKey: 'id', apiSecret: 'secret', code: 'c' };
    server.handle((_req, res) => sendJson(res, 502, { errors: 'Bad gateway' }));
    expect(await exchangeAuthorizationCode(input)).toEqual({
      ok: false,
      reason: 'http-error',
      status: 502,
    });

    server.handle((_req, res) => sendJson(res, 200, { token: 'wrong shape' }));
    expect(await exchangeAuthorizationCode(input)).toMatchObject({
      ok: false,
      reason: 'http-error',
      status: 200,
    });

    server.handle((_req, res) => {
      res.socket?.destroy();
    });
    expect(await exchangeAuthorizationCode(input)).toMatchObject({ ok: false, reason: 'network' });
  });
});

describe('refreshAccessToken', () => {
  it('posts the refresh grant and returns the rotated refresh token', async () => {
    server.handle((_req, res) =>
      sendJson(res, 200, {
        access_token: 'shpat_second',
        scope: 'write_payment_gateways,write_payment_sessions',
        expires_in: 3600,
        refresh_token: 'shprt_second',
        refresh_token_expires_in: 7_776_000,
      }),
    );
    const result = await refreshAccessToken({
      ...common,
      apiKey: 'client-id',
      apiSecret: 'client-secret',
      refreshToken: 'shprt_first',
    });
    expect(result).toMatchObject({
      ok: true,
      grant: {
        accessToken: 'shpat_second',
        refreshToken: 'shprt_second',
        expiresAt: new Date('2026-02-03T11:00:00Z'),
      },
    });
    expect(server.requests[0]?.url).toBe('/admin/oauth/access_token');
    expect(JSON.parse(server.requests[0]?.body ?? '{}')).toEqual({
      client_id: 'client-id',
      client_secret: 'client-secret',
      grant_type: 'refresh_token',
      refresh_token: 'shprt_first',
    });
  });

  it('reports an unusable refresh token as invalid-grant', async () => {
    server.handle((_req, res) => sendJson(res, 401, { error: 'invalid_grant' }));
    const result = await refreshAccessToken({
      ...common,
      apiKey: 'id',
      apiSecret: 'secret',
      refreshToken: 'revoked',
    });
    expect(result).toMatchObject({ ok: false, reason: 'invalid-grant', status: 401 });
  });
});
