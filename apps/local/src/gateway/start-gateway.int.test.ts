import { mkdtempSync, rmSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '@solpay/db';
import { ensureDevCertificates, pollUntil, type DevCertificates } from '@solpay/testkit';
import { closeOverrunClients } from './fixtures/handlers/overrun';
import type { RunningServer } from '../server/running-server';
import { loadServerlessRoutes } from './load-serverless-routes';
import { DURATION_HEADER, MAX_BODY_BYTES, startGateway } from './start-gateway';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** The request went over a kept-alive connection of `agent`. */
  reusedSocket: boolean;
  json: () => any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

jest.setTimeout(60_000);

describe('startGateway', () => {
  let dir: string;
  let certs: DevCertificates;
  let green: RunningServer;
  let purple: RunningServer;
  let database: TestDatabase;
  const logs: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'solpay-gateway-'));
    certs = ensureDevCertificates(join(dir, 'certs'));
    const routes = loadServerlessRoutes(join(__dirname, 'fixtures', 'serverless.yml'));
    const serverTls = { key: certs.server.key, cert: certs.server.cert };
    green = await startGateway({
      name: 'green',
      routes,
      port: 0,
      tls: { ...serverTls, ca: certs.shopifyCa.cert, requestCert: true, rejectUnauthorized: true },
      log: (line) => logs.push(line),
    });
    purple = await startGateway({
      name: 'purple',
      routes,
      port: 0,
      tls: serverTls,
      log: (line) => logs.push(line),
    });
    database = await createTestDatabase('pglite');
  });

  afterAll(async () => {
    await Promise.all([green?.close(), purple?.close()]);
    await closeOverrunClients();
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function call(
    base: string,
    path: string,
    options: {
      method?: string;
      headers?: Record<string, string | string[]>;
      body?: string | Buffer;
      clientCert?: boolean;
      agent?: https.Agent;
    } = {},
  ): Promise<Reply> {
    const mtls =
      options.clientCert === false
        ? {}
        : { cert: certs.shopifyClient.cert, key: certs.shopifyClient.key };
    return new Promise((resolve, reject) => {
      const req = https.request(
        `${base}${path}`,
        {
          method: options.method ?? 'GET',
          headers: options.headers,
          ca: certs.ca.cert,
          agent: options.agent ?? false,
          ...mtls,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const body = Buffer.concat(chunks);
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body,
              reusedSocket: req.reusedSocket,
              json: () => JSON.parse(body.toString('utf8')),
            });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(options.body);
    });
  }

  it('sends green requests to the handler as REST API v1 events with the client certificate', async () => {
    const reply = await call(green.url, '/echo/ab%20c?x=1&x=2&y=%C3%A9', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Custom': ['A', 'B'], Cookie: 'k=v' },
      body: '{"amount":"1.00"}',
    });
    expect(reply.status).toBe(200);
    expect(reply.headers['x-single']).toBe('one');
    expect(reply.headers['x-multi']).toBe('a, b');
    // The invocation's own duration, for the bench's handler-only figures.
    expect(Number(reply.headers[DURATION_HEADER])).toBeGreaterThanOrEqual(0);
    const { event, context } = reply.json();
    expect(event).toMatchObject({
      resource: '/echo/{id}',
      path: '/echo/ab%20c',
      httpMethod: 'POST',
      pathParameters: { id: 'ab c' },
      queryStringParameters: { x: '2', y: 'é' },
      multiValueQueryStringParameters: { x: ['1', '2'], y: ['é'] },
      stageVariables: null,
      body: '{"amount":"1.00"}',
      isBase64Encoded: false,
    });
    expect(event.headers['X-Custom']).toBe('B');
    expect(event.multiValueHeaders['X-Custom']).toEqual(['A', 'B']);
    expect(event.headers['Content-Type']).toBe('application/json');
    expect(event.headers.Cookie).toBe('k=v');
    expect(event.headers['X-Forwarded-Proto']).toBe('https');
    expect(event.headers['X-Forwarded-For']).toBe('127.0.0.1');
    expect(event.requestContext).toMatchObject({
      httpMethod: 'POST',
      resourcePath: '/echo/{id}',
      path: '/echo/ab%20c',
      stage: 'local',
      protocol: 'HTTP/1.1',
      identity: { sourceIp: '127.0.0.1' },
    });
    expect(event.requestContext.identity.clientCert.subjectDN).toContain(
      'CN=Shopify Payments Platform client (dev)',
    );
    expect(event.requestContext.identity.clientCert.clientCertPem).toBe(
      certs.shopifyClient.cert.replace(/\r\n/g, '\n'),
    );
    expect(event.requestContext.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(context.awsRequestId).toBe(event.requestContext.requestId);
    expect(context.functionName).toContain('restEcho');
    expect(context.remaining).toBeGreaterThan(0);
    expect(context.remaining).toBeLessThanOrEqual(5000);
  });

  it('describes the client certificate on every request of a kept-alive connection', async () => {
    const agent = new https.Agent({
      keepAlive: true,
      maxSockets: 1,
      ca: certs.ca.cert,
      cert: certs.shopifyClient.cert,
      key: certs.shopifyClient.key,
    });
    try {
      const first = await call(green.url, '/echo/static', { agent });
      const second = await call(green.url, '/echo/static', { agent });
      expect(second.reusedSocket).toBe(true);
      const [a, b] = [first.json().event, second.json().event];
      expect(b.requestContext.identity.clientCert).toEqual(a.requestContext.identity.clientCert);
      expect(b.requestContext.identity.clientCert.clientCertPem).toBe(
        certs.shopifyClient.cert.replace(/\r\n/g, '\n'),
      );
    } finally {
      agent.destroy();
    }
  });

  it('gives REST events null collections when there is nothing to send', async () => {
    const { event } = (await call(green.url, '/echo/static')).json();
    expect(event).toMatchObject({
      resource: '/echo/static',
      queryStringParameters: null,
      multiValueQueryStringParameters: null,
      pathParameters: null,
      body: null,
      isBase64Encoded: false,
    });
  });

  it('refuses a green client without a certificate in the TLS handshake', async () => {
    await expect(call(green.url, '/echo/static', { clientCert: false })).rejects.toThrow(
      /alert certificate required|ECONNRESET|socket hang up/,
    );
  });

  it('answers an unknown route with 404 JSON', async () => {
    const reply = await call(green.url, '/nope');
    expect(reply.status).toBe(404);
    expect(reply.json()).toEqual({ code: 'NOT_FOUND', message: 'No route for GET /nope' });
    const wrongMethod = await call(purple.url, '/shorthand', { method: 'DELETE' });
    expect(wrongMethod.status).toBe(404);
  });

  it('answers 502 without details when the handler throws or returns a malformed result', async () => {
    const thrown = await call(green.url, '/throws');
    expect(thrown.status).toBe(502);
    expect(thrown.json()).toEqual({ code: 'INTERNAL', message: 'Internal server error' });
    expect(thrown.body.toString()).not.toContain('secret');
    expect(logs.join('\n')).toContain('secret database password');
    const malformed = await call(green.url, '/malformed');
    expect(malformed.status).toBe(502);
    expect(logs.join('\n')).toContain('Malformed Lambda proxy response');
  });

  it('answers 413 to a body over 1 MiB', async () => {
    const reply = await call(green.url, '/echo/big', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.alloc(MAX_BODY_BYTES + 1, 0x61),
    }).catch((error: unknown) => error);
    // The gateway may close the connection while the client is still sending.
    if (reply instanceof Error) expect(reply.message).toMatch(/ECONNRESET|EPIPE|socket hang up/);
    else {
      expect((reply as Reply).status).toBe(413);
      expect((reply as Reply).json().code).toBe('PAYLOAD_TOO_LARGE');
    }
    const exact = await call(green.url, '/echo/big', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: Buffer.alloc(MAX_BODY_BYTES, 0x61),
    });
    expect(exact.status).toBe(200);
    expect(exact.json().event.body).toHaveLength(MAX_BODY_BYTES);
  });

  it('answers 413 from Content-Length before reading the body', async () => {
    const reply = await new Promise<Reply>((resolve, reject) => {
      const req = https.request(`${green.url}/echo/big`, {
        method: 'POST',
        headers: { 'content-length': String(MAX_BODY_BYTES * 4) },
        ca: certs.ca.cert,
        cert: certs.shopifyClient.cert,
        key: certs.shopifyClient.key,
        agent: false,
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            reusedSocket: req.reusedSocket,
            json: () => JSON.parse(body.toString()),
          });
          req.destroy();
        });
      });
      req.on('error', reject);
      req.write('x');
    });
    expect(reply.status).toBe(413);
    expect(reply.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('sends purple requests as HTTP API v2 events with cookies split out', async () => {
    const reply = await call(purple.url, '/tx/payment/r-1?a=1&a=2&b=%20', {
      headers: { Cookie: 'c=1; d=2', 'X-Custom': ['A', 'B'], 'User-Agent': 'wallet/1' },
      clientCert: false,
    });
    expect(reply.status).toBe(200);
    const { event } = reply.json();
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /tx/{kind}/{recordId}',
      rawPath: '/tx/payment/r-1',
      rawQueryString: 'a=1&a=2&b=%20',
      queryStringParameters: { a: '1,2', b: ' ' },
      pathParameters: { kind: 'payment', recordId: 'r-1' },
      cookies: ['c=1', 'd=2'],
      isBase64Encoded: false,
      requestContext: {
        routeKey: 'GET /tx/{kind}/{recordId}',
        stage: '$default',
        http: {
          method: 'GET',
          path: '/tx/payment/r-1',
          sourceIp: '127.0.0.1',
          userAgent: 'wallet/1',
        },
      },
    });
    expect(event.headers['x-custom']).toBe('A,B');
    expect(event.headers.cookie).toBeUndefined();
    expect(event.body).toBeUndefined();
    expect(event.requestContext.authentication).toBeUndefined();
  });

  it('base64-encodes binary purple bodies and routes ANY {proxy+}', async () => {
    const bytes = Buffer.from([0, 159, 146, 150, 255]);
    const reply = await call(purple.url, '/portal/refunds/9/reject', {
      method: 'DELETE',
      headers: {
        'content-type': 'application/octet-stream',
        'content-length': String(bytes.length),
      },
      body: bytes,
      clientCert: false,
    });
    const { event } = reply.json();
    expect(event.routeKey).toBe('ANY /portal/{proxy+}');
    expect(event.pathParameters).toEqual({ proxy: 'refunds/9/reject' });
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body, 'base64').equals(bytes)).toBe(true);
    const session = (await call(purple.url, '/portal/session', { clientCert: false })).json();
    expect(session.event.routeKey).toBe('GET /portal/session');
  });

  it('writes v2 shorthand results, cookies and base64 bodies', async () => {
    const shorthand = await call(purple.url, '/shorthand', { clientCert: false });
    expect(shorthand.status).toBe(200);
    expect(shorthand.headers['content-type']).toBe('application/json');
    expect(shorthand.json()).toEqual({ hello: 'world' });
    const cookies = await call(purple.url, '/cookies', { clientCert: false });
    expect(cookies.status).toBe(201);
    expect(cookies.headers['set-cookie']).toEqual(['a=1; Path=/; HttpOnly', 'b=2; Path=/; Secure']);
    expect(cookies.body.equals(Buffer.from([0, 1, 2, 255]))).toBe(true);
  });

  it.each([
    ['green', 504, { message: 'Endpoint request timed out' }],
    ['purple', 503, { message: 'Service Unavailable' }],
  ] as const)(
    'answers a %s invocation past its timeout like API Gateway and lets it write nothing after it',
    async (name, status, body) => {
      const marker = `overrun-${name}`;
      const reply = await call(name === 'green' ? green.url : purple.url, '/overrun', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ databaseUrl: database.url, marker }),
      });
      expect(reply.status).toBe(status);
      expect(reply.json()).toEqual(body);
      // The handler runs on (as Node cannot freeze it) until it gives up on its next write.
      const ended = await pollUntil('the abandoned invocation to end', () =>
        logs.find((line) =>
          line.includes(
            `abandoned invocation of ${name === 'green' ? 'restOverrun' : 'httpOverrun'}`,
          ),
        ),
      );
      expect(ended).toContain('InvocationAbandonedError');
      const rows = await database.prisma.inboundEvent.findMany({
        where: { externalId: { startsWith: `${marker}:` } },
      });
      expect(rows.map((row) => row.externalId)).toEqual([`${marker}:before`]);
    },
  );
});
