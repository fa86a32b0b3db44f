import { describe, expect, it } from '@jest/globals';
import type { APIGatewayProxyResult } from 'aws-lambda';
import * as z from 'zod';
import {
  createHttpHandler,
  type HttpHandlerFunction,
  type HttpHandlerOptions,
} from './create-http-handler';
import type { HttpRequest } from './http/http-request';
import { jsonResponse } from './http/json-response';
import type { HttpAuthenticateInput } from './middleware/authenticate-middleware';
import { buildApiGatewayV1Event } from './testing/build-api-gateway-v1-event';
import { buildApiGatewayV2Event } from './testing/build-api-gateway-v2-event';
import { buildLambdaContext } from './testing/build-lambda-context';
import { captureLogs } from './testing/capture-logs.fixture';
import type { HttpEventInput } from './testing/http-event-input';
import {
  AuthenticationFailedError,
  DependencyUnavailableError,
  StateConflictError,
  UnknownRecordError,
} from '@solpay/domain';

const formats = [
  ['REST API (v1)', buildApiGatewayV1Event],
  ['HTTP API (v2)', buildApiGatewayV2Event],
] as const;

const JSON_HEADERS = { 'Content-Type': 'application/json' };

const paymentBody = z.object({
  amount: z.string(),
  customer: z.object({ email: z.string() }),
});

describe.each(formats)('createHttpHandler with %s events', (_label, buildEvent) => {
  function setup<TBody = unknown, TQuery = Record<string, string>, TPath = Record<string, string>>(
    options: Omit<HttpHandlerOptions<TBody, TQuery, TPath, Record<string, string>>, 'runtime'>,
    fn: HttpHandlerFunction<TBody, TQuery, TPath, Record<string, string>>,
  ) {
    const logs = captureLogs();
    const handler = createHttpHandler<TBody, TQuery, TPath>(
      { ...options, runtime: logs.runtime, logWrite: logs.logWrite },
      fn,
    );
    const call = async (input: HttpEventInput) => {
      const result = (await handler(
        buildEvent(input),
        buildLambdaContext(),
      )) as APIGatewayProxyResult;
      const json = result.body ? (JSON.parse(result.body) as Record<string, unknown>) : undefined;
      return { ...result, json };
    };
    return { call, logs };
  }

  it('gives the handler a normalized, validated request', async () => {
    let seen:
      HttpRequest<z.output<typeof paymentBody>, { shop: string }, { id: string }> | undefined;
    const { call } = setup(
      {
        name: 'pay',
        bodySchema: paymentBody,
        querySchema: z.object({ shop: z.string() }),
        pathSchema: z.object({ id: z.string() }),
      },
      async (request) => {
        seen = request;
        return jsonResponse(201, { amount: request.body.amount, big: 12345678901234567890n });
      },
    );
    const body = JSON.stringify({ amount: '1.50', customer: { email: 'a@b.c' } });
    const response = await call({
      method: 'POST',
      path: '/payment/p1',
      route: '/payment/{id}',
      headers: { ...JSON_HEADERS, 'X-Custom': 'yes', Cookie: 'sid=abc; theme=dark' },
      query: { shop: 'a.myshopify.com' },
      pathParams: { id: 'p1' },
      body,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json).toEqual({ amount: '1.50', big: '12345678901234567890' });
    expect(response.headers?.['content-type']).toContain('application/json');
    expect(seen).toMatchObject({
      method: 'POST',
      path: '/payment/p1',
      route: '/payment/{id}',
      query: { shop: 'a.myshopify.com' },
      rawQueryString: 'shop=a.myshopify.com',
      pathParams: { id: 'p1' },
      rawBody: body,
      body: { amount: '1.50', customer: { email: 'a@b.c' } },
      cookies: { sid: 'abc', theme: 'dark' },
      sourceIp: '127.0.0.1',
    });
    expect(seen?.headers['x-custom']).toBe('yes');
    expect(response.headers?.['x-request-id']).toBe(seen?.requestId);
  });

  it('answers 400 with the failing path when the body fails its schema', async () => {
    const { call } = setup({ name: 'pay', bodySchema: paymentBody }, async () =>
      jsonResponse(200, {}),
    );
    const response = await call({
      method: 'POST',
      path: '/payment',
      headers: JSON_HEADERS,
      body: JSON.stringify({ amount: '1', customer: { email: 5 } }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { path: 'customer.email', location: 'body' },
    });
    expect(response.json?.message).toContain('customer.email');
  });

  it('answers 400 naming the query parameter that fails', async () => {
    const { call } = setup(
      { name: 'q', querySchema: z.object({ limit: z.coerce.number().int().max(50) }) },
      async (request) => jsonResponse(200, { limit: request.query.limit }),
    );
    const bad = await call({ method: 'GET', path: '/list', query: { limit: '500' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json).toMatchObject({ details: { path: 'limit', location: 'query' } });
    const good = await call({ method: 'GET', path: '/list', query: { limit: '5' } });
    expect(good.json).toEqual({ limit: 5 });
  });

  it('answers 400 "Malformed JSON body" for broken JSON', async () => {
    const { call } = setup({ name: 'pay' }, async () => jsonResponse(200, {}));
    const response = await call({
      method: 'POST',
      path: '/payment',
      headers: JSON_HEADERS,
      body: '{"amount": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json).toEqual({ code: 'BAD_REQUEST', message: 'Malformed JSON body' });
  });

  it.each(['/portal/refunds/%E0%A4%A', '/portal/refunds/%', '/x/%ED%A0%80/y', '/x/%zz'])(
    'answers 400 for a malformed percent-escape in the path (%s), before the handler runs',
    async (path) => {
      let ran = false;
      const { call } = setup({ name: 'portal' }, async (request) => {
        ran = true;
        return jsonResponse(200, { segments: request.path.split('/').map(decodeURIComponent) });
      });
      const response = await call({ method: 'GET', path });
      expect(response.statusCode).toBe(400);
      expect(response.json).toEqual({
        code: 'BAD_REQUEST',
        message: 'Malformed percent-escape in the request path',
      });
      expect(ran).toBe(false);
    },
  );

  it('answers 400 for a NUL character anywhere in the JSON, before the handler runs', async () => {
    let called = false;
    const { call } = setup({ name: 'pay' }, async () => {
      called = true;
      return jsonResponse(200, {});
    });
    for (const body of ['{"id":"a\\u0000b"}', '{"customer":{"a\\u0000":1}}', '["\\u0000"]']) {
      const response = await call({
        method: 'POST',
        path: '/payment',
        headers: JSON_HEADERS,
        body,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json).toMatchObject({ code: 'BAD_REQUEST' });
    }
    expect(called).toBe(false);
  });

  it('answers 413 for a body over the limit', async () => {
    let called = false;
    const { call } = setup({ name: 'pay', maxBodyBytes: 16 }, async () => {
      called = true;
      return jsonResponse(200, {});
    });
    const response = await call({
      method: 'POST',
      path: '/payment',
      headers: JSON_HEADERS,
      body: JSON.stringify({ text: 'x'.repeat(32) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(called).toBe(false);
  });

  it('answers 415 when a JSON route gets another content type', async () => {
    const { call } = setup({ name: 'pay' }, async () => jsonResponse(200, {}));
    const response = await call({
      method: 'POST',
      path: '/payment',
      headers: { 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  describe('authenticate', () => {
    const SECRET = 'let-me-in';
    const authenticated = (schema?: z.ZodType<unknown>) => {
      const seen: HttpAuthenticateInput[] = [];
      let called = false;
      const { call } = setup(
        {
          name: 'webhook',
          ...(schema ? { bodySchema: schema } : {}),
          maxBodyBytes: 64,
          authenticate: async (raw) => {
            seen.push(raw);
            if (raw.headers.authorization !== SECRET)
              throw new AuthenticationFailedError('Bad secret');
          },
        },
        async () => {
          called = true;
          return jsonResponse(200, { ok: true });
        },
      );
      return { call, seen, wasCalled: () => called };
    };
    const post = (
      authorization: string | undefined,
      body: string,
      contentType = 'application/json',
    ) => ({
      method: 'POST',
      path: '/hook',
      headers: {
        'Content-Type': contentType,
        ...(authorization === undefined ? {} : { Authorization: authorization }),
      },
      body,
    });

    it('refuses bad or missing credentials with 401 before parsing: malformed JSON, wrong type, invalid body', async () => {
      const { call, wasCalled } = authenticated(z.object({ n: z.number() }));
      for (const input of [
        post('wrong', '{"n": '),
        post(undefined, '{"n": '),
        post('wrong', 'n=1', 'text/plain'),
        post('wrong', JSON.stringify({ n: 'not a number' })),
      ]) {
        const response = await call(input);
        expect(response.statusCode).toBe(401);
        expect(response.json).toEqual({ code: 'UNAUTHORIZED', message: 'Bad secret' });
      }
      expect(wasCalled()).toBe(false);
    });

    it('lets good credentials through to parsing and validation (400/415), then the handler', async () => {
      const { call, seen, wasCalled } = authenticated(z.object({ n: z.number() }));
      const malformed = await call(post(SECRET, '{"n": '));
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json).toEqual({ code: 'BAD_REQUEST', message: 'Malformed JSON body' });
      expect((await call(post(SECRET, 'n=1', 'text/plain'))).statusCode).toBe(415);
      expect((await call(post(SECRET, JSON.stringify({ n: 'x' })))).statusCode).toBe(400);
      expect(wasCalled()).toBe(false);
      const ok = await call(post(SECRET, '{"n": 1}'));
      expect(ok.statusCode).toBe(200);
      expect(wasCalled()).toBe(true);
      expect(seen.at(-1)).toEqual({
        method: 'POST',
        path: '/hook',
        headers: expect.objectContaining({ authorization: SECRET }),
        rawBody: '{"n": 1}',
      });
    });

    it('runs after the size limit: an oversized body is 413 whatever its credentials', async () => {
      const { call, seen } = authenticated();
      const response = await call(post('wrong', JSON.stringify({ text: 'x'.repeat(100) })));
      expect(response.statusCode).toBe(413);
      expect(seen).toHaveLength(0);
    });
  });

  it('accepts other content types when requireJson is off', async () => {
    const { call } = setup({ name: 'form', requireJson: false }, async (request) =>
      jsonResponse(200, { body: request.body }),
    );
    const response = await call({
      method: 'POST',
      path: '/form',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    });
    expect(response.json).toEqual({ body: 'a=1' });
  });

  it('passes the message of 4xx app errors', async () => {
    const { call } = setup({ name: 'errors' }, async (request) => {
      if (request.path === '/missing') throw new UnknownRecordError('Payment not found');
      throw new StateConflictError('Payment already resolved', { details: { status: 'paid' } });
    });
    const missing = await call({ method: 'GET', path: '/missing' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json).toEqual({ code: 'NOT_FOUND', message: 'Payment not found' });
    const conflict = await call({ method: 'GET', path: '/conflict' });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json).toEqual({
      code: 'CONFLICT',
      message: 'Payment already resolved',
      details: { status: 'paid' },
    });
  });

  it('hides a thrown plain Error behind a generic 500 but logs its stack', async () => {
    const { call, logs } = setup({ name: 'boom' }, async () => {
      throw new Error('database password is hunter2');
    });
    const response = await call({ method: 'GET', path: '/boom', requestId: 'gw-1' });
    expect(response.statusCode).toBe(500);
    expect(response.json).toEqual({
      code: 'INTERNAL',
      message: 'Internal error',
      requestId: 'gw-1',
    });
    expect(response.body).not.toContain('hunter2');
    const failure = logs.lines.find((line) => line.msg === 'request failed');
    expect(failure).toMatchObject({ level: 'error', requestId: 'gw-1', handler: 'boom' });
    expect(JSON.stringify(failure)).toContain('at ');
  });

  it('hides the message of 5xx app errors but keeps their status', async () => {
    const { call } = setup({ name: 'rpc' }, async () => {
      throw new DependencyUnavailableError('RPC https://key@rpc timed out');
    });
    const response = await call({ method: 'GET', path: '/rpc' });
    expect(response.statusCode).toBe(503);
    expect(response.json).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      message: 'Service temporarily unavailable',
    });
    expect(response.body).not.toContain('timed out');
  });

  it('answers 503 when the database cannot be reached, without its details', async () => {
    const { call } = setup({ name: 'db' }, async () => {
      throw Object.assign(new Error("Can't reach database server at 10.0.0.5:5432"), {
        code: 'P1001',
      });
    });
    const response = await call({ method: 'GET', path: '/db' });
    expect(response.statusCode).toBe(503);
    expect(response.json).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(response.body).not.toContain('10.0.0.5');
  });

  it('maps a ZodError thrown by the handler to 400', async () => {
    const { call } = setup({ name: 'zod' }, async () => {
      z.object({ shop: z.string() }).parse({});
      return jsonResponse(200, {});
    });
    const response = await call({ method: 'GET', path: '/zod' });
    expect(response.statusCode).toBe(400);
    expect(response.json).toMatchObject({ code: 'VALIDATION_FAILED', details: { path: 'shop' } });
  });

  it('uses the Shopify-Request-Id header as request id in logs and response', async () => {
    const { call, logs } = setup({ name: 'pay' }, async (_request, { logger }) => {
      logger.info('working');
      return jsonResponse(200, {});
    });
    const response = await call({
      method: 'GET',
      path: '/payment',
      headers: { 'Shopify-Request-Id': 'shopify-req-42' },
      requestId: 'gw-2',
    });
    expect(response.headers?.['x-request-id']).toBe('shopify-req-42');
    const access = logs.lines.find((line) => line.msg === 'request');
    expect(access).toMatchObject({
      level: 'info',
      requestId: 'shopify-req-42',
      method: 'GET',
      route: '/payment',
      status: 200,
    });
    expect(typeof access?.durationMs).toBe('number');
    expect(logs.lines.find((line) => line.msg === 'working')?.requestId).toBe('shopify-req-42');
  });

  it('falls back to the gateway request id, then to a random one', async () => {
    const { call } = setup({ name: 'id' }, async () => jsonResponse(200, {}));
    const fromGateway = await call({ method: 'GET', path: '/', requestId: 'gw-3' });
    expect(fromGateway.headers?.['x-request-id']).toBe('gw-3');
    const unsafe = await call({
      method: 'GET',
      path: '/',
      requestId: 'gw-4',
      headers: { 'shopify-request-id': 'bad id\nwith newline' },
    });
    expect(unsafe.headers?.['x-request-id']).toBe('gw-4');
  });

  it('never logs bodies, tokens or secret headers', async () => {
    const { call, logs } = setup(
      { name: 'secrets', bodySchema: z.any() },
      async (_r, { logger }) => {
        logger.info('shop loaded', { shop: 'a.myshopify.com', accessToken: 'shpat_secret_1' });
        throw new Error('boom');
      },
    );
    await call({
      method: 'POST',
      path: '/secrets',
      headers: {
        ...JSON_HEADERS,
        Authorization: 'Bearer secret_2',
        Cookie: 'session=secret_3',
        'X-Shopify-Access-Token': 'shpat_secret_4',
      },
      body: JSON.stringify({ card: 'secret_5' }),
    });
    const all = logs.texts.join('\n');
    expect(logs.lines.length).toBeGreaterThanOrEqual(3);
    for (const secret of ['shpat_secret_1', 'secret_2', 'secret_3', 'shpat_secret_4', 'secret_5']) {
      expect(all).not.toContain(secret);
    }
    expect(all).toContain('a.myshopify.com');
  });

  it('answers CORS preflights with 204 and adds CORS headers to every response', async () => {
    let calls = 0;
    const { call, logs } = setup({ name: 'tx', cors: 'any' }, async (request) => {
      calls += 1;
      if (request.method === 'POST') throw new UnknownRecordError();
      return jsonResponse(200, { label: 'Shop' });
    });
    const preflight = await call({
      method: 'OPTIONS',
      path: '/tx',
      headers: {
        Origin: 'https://wallet.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers).toMatchObject({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'content-type',
    });
    expect(calls).toBe(0);
    expect(logs.lines.find((line) => line.msg === 'request')).toMatchObject({ status: 204 });

    const ok = await call({ method: 'GET', path: '/tx' });
    expect(ok.headers?.['access-control-allow-origin']).toBe('*');
    const failed = await call({
      method: 'POST',
      path: '/tx',
      headers: JSON_HEADERS,
      body: '{}',
    });
    expect(failed.statusCode).toBe(404);
    expect(failed.headers?.['access-control-allow-origin']).toBe('*');
  });

  it('echoes only allowed origins for an origin list', async () => {
    const { call } = setup({ name: 'portal', cors: ['https://portal.example'] }, async () =>
      jsonResponse(200, {}),
    );
    const allowed = await call({
      method: 'GET',
      path: '/',
      headers: { Origin: 'https://portal.example' },
    });
    expect(allowed.headers).toMatchObject({
      'access-control-allow-origin': 'https://portal.example',
      'access-control-allow-credentials': 'true',
      vary: 'Origin',
    });
    const other = await call({
      method: 'GET',
      path: '/',
      headers: { Origin: 'https://evil.example' },
    });
    expect(other.headers?.['access-control-allow-origin']).toBeUndefined();
  });

  it('decodes base64 bodies, keeping the exact text as rawBody', async () => {
    let raw = '';
    const { call } = setup(
      { name: 'webhook', bodySchema: z.object({ note: z.string() }) },
      async (request) => {
        raw = request.rawBody;
        return jsonResponse(200, request.body);
      },
    );
    const body = '{ "note" : "café ✓" }';
    const response = await call({
      method: 'POST',
      path: '/webhooks',
      headers: JSON_HEADERS,
      body,
      base64: true,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json).toEqual({ note: 'café ✓' });
    expect(raw).toBe(body);
  });

  it('strips the stage prefix from path but keeps it in rawPath', async () => {
    let seen: HttpRequest | undefined;
    const { call } = setup({ name: 'stage' }, async (request) => {
      seen = request;
      return jsonResponse(200, {});
    });
    await call({ method: 'GET', path: '/checkout/payments/p1', stage: 'dev' });
    expect(seen?.path).toBe('/checkout/payments/p1');
    expect(seen?.rawPath).toBe('/dev/checkout/payments/p1');
  });
});

describe('createHttpHandler results', () => {
  it('moves cookies into Set-Cookie headers for REST API events', async () => {
    const logs = captureLogs();
    const handler = createHttpHandler(
      { name: 'login', runtime: logs.runtime, logWrite: logs.logWrite },
      async () => ({ ...jsonResponse(200, {}), cookies: ['a=1; HttpOnly', 'b=2'] }),
    );
    const v1 = (await handler(
      buildApiGatewayV1Event({ method: 'GET', path: '/login' }),
      buildLambdaContext(),
    )) as APIGatewayProxyResult;
    expect(v1.multiValueHeaders).toEqual({ 'set-cookie': ['a=1; HttpOnly', 'b=2'] });
    const v2 = await handler(
      buildApiGatewayV2Event({ method: 'GET', path: '/login' }),
      buildLambdaContext(),
    );
    expect(v2).toMatchObject({ cookies: ['a=1; HttpOnly', 'b=2'] });
  });

  it('answers a generic 500 for an event of the wrong shape', async () => {
    const logs = captureLogs();
    const handler = createHttpHandler(
      { name: 'odd', runtime: logs.runtime, logWrite: logs.logWrite },
      async () => jsonResponse(200, {}),
    );
    const result = (await handler({} as never, buildLambdaContext())) as APIGatewayProxyResult;
    expect(result.statusCode).toBe(500);
    expect(JSON.parse(result.body)).toMatchObject({ code: 'INTERNAL' });
  });
});
