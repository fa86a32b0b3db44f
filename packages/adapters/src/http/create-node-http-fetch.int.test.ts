import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { ensureDevCertificates } from '@solpay/testkit';
import { createNodeHttpFetch } from './create-node-http-fetch';

/** What the test server saw. */
interface Seen {
  requests: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders; body: string }>;
  connections: number;
}

type Answer = (
  request: http.IncomingMessage,
  response: http.ServerResponse,
  socketRequestNumber: number,
) => void;

/** A server on 127.0.0.1 whose answer to each request is `answer`. */
async function listen(
  server: http.Server | https.Server,
  answer: Answer,
): Promise<{ url: string; seen: Seen; close: () => Promise<void> }> {
  const seen: Seen = { requests: [], connections: 0 };
  const perSocket = new WeakMap<Socket, number>();
  const sockets = new Set<Socket>();
  server.on(
    server instanceof https.Server ? 'secureConnection' : 'connection',
    (socket: Socket) => {
      seen.connections += 1;
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    },
  );
  server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      seen.requests.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body,
      });
      const number = (perSocket.get(request.socket) ?? 0) + 1;
      perSocket.set(request.socket, number);
      answer(request, response, number);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const scheme = server instanceof https.Server ? 'https' : 'http';
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    seen,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const json = (response: http.ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json', 'retry-after': '2' });
  response.end(JSON.stringify(body));
};

let closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
});

async function httpServer(answer: Answer) {
  const server = await listen(http.createServer(), answer);
  closers.push(server.close);
  return server;
}

describe('createNodeHttpFetch', () => {
  it('POSTs the body and headers and hands back status, headers and the whole body', async () => {
    const server = await httpServer((request, response) =>
      json(response, 429, { echoed: request.headers['x-shopify-access-token'] }),
    );
    const fetch = createNodeHttpFetch({ timeoutMs: 5_000 });

    const answer = await fetch(`${server.url}/graphql?x=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-access-token': 'tok' },
      body: JSON.stringify({ query: 'mutation { é }' }),
    });

    expect(server.seen.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        url: '/graphql?x=1',
        body: '{"query":"mutation { é }"}',
      }),
    ]);
    expect(server.seen.requests[0]?.headers['content-length']).toBe(
      String(Buffer.byteLength('{"query":"mutation { é }"}')),
    );
    expect(answer.status).toBe(429);
    expect(answer.ok).toBe(false);
    expect(answer.headers.get('Retry-After')).toBe('2');
    expect(answer.headers.get('x-missing')).toBeNull();
    expect(await answer.json()).toEqual({ echoed: 'tok' });
  });

  it('keeps the connection alive between requests', async () => {
    const server = await httpServer((_request, response) => json(response, 200, {}));
    const fetch = createNodeHttpFetch({ timeoutMs: 5_000 });

    for (let i = 0; i < 3; i += 1) {
      expect((await fetch(server.url, { method: 'POST', body: '{}' })).ok).toBe(true);
    }

    expect(server.seen.requests).toHaveLength(3);
    expect(server.seen.connections).toBe(1);
  });

  it('sends once more, on a new connection, when the server had closed the kept-alive one', async () => {
    // The second request on a connection finds it closed, as when a server drops an idle one.
    const server = await httpServer((request, response, socketRequestNumber) => {
      if (socketRequestNumber === 1) json(response, 200, { n: 1 });
      else request.socket.destroy();
    });
    const fetch = createNodeHttpFetch({ timeoutMs: 5_000 });
    await fetch(server.url, { method: 'POST', body: 'first' });

    const answer = await fetch(server.url, { method: 'POST', body: 'second' });

    expect(answer.status).toBe(200);
    expect(server.seen.connections).toBe(2);
    expect(server.seen.requests.map((request) => request.body)).toEqual([
      'first',
      'second',
      'second',
    ]);
  });

  it('does not send again when a new connection fails', async () => {
    const server = await httpServer((request) => request.socket.destroy());
    const fetch = createNodeHttpFetch({ timeoutMs: 5_000 });

    await expect(fetch(server.url, { method: 'POST', body: 'once' })).rejects.toMatchObject({
      code: 'ECONNRESET',
    });
    expect(server.seen.requests).toHaveLength(1);
  });

  it('gives up with a TimeoutError when the answer does not come in time', async () => {
    const server = await httpServer(() => undefined);
    const fetch = createNodeHttpFetch({ timeoutMs: 200 });

    await expect(fetch(server.url, { method: 'POST', body: '{}' })).rejects.toMatchObject({
      name: 'TimeoutError',
    });
  });

  it("gives up with the caller's reason when its signal aborts", async () => {
    const server = await httpServer(() => undefined);
    const fetch = createNodeHttpFetch({ timeoutMs: 5_000 });
    const controller = new AbortController();
    const reason = new Error('invocation abandoned');

    const sent = fetch(server.url, { method: 'POST', body: '{}', signal: controller.signal });
    setTimeout(() => controller.abort(reason), 50);

    await expect(sent).rejects.toBe(reason);
  });

  it('refuses a URL that is neither http nor https', async () => {
    const fetch = createNodeHttpFetch({ timeoutMs: 5_000 });
    await expect(fetch('ftp://127.0.0.1/')).rejects.toThrow(/unsupported protocol ftp:/);
  });

  describe('over https', () => {
    let dir: string;
    let previous: string[];
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'node-http-fetch-'));
      previous = tls.getCACertificates('default');
    });
    afterAll(() => {
      tls.setDefaultCACertificates(previous);
      rmSync(dir, { recursive: true, force: true });
    });

    it('verifies the server against the default CAs (the local stack adds its dev CA there)', async () => {
      const certs = ensureDevCertificates(join(dir, 'certs'));
      const server = await listen(
        https.createServer({ cert: certs.server.cert, key: certs.server.key }),
        (_request, response) => json(response, 200, { secure: true }),
      );
      closers.push(server.close);
      const fetch = createNodeHttpFetch({ timeoutMs: 5_000 });

      await expect(fetch(server.url, { method: 'POST', body: '{}' })).rejects.toMatchObject({
        code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      });

      tls.setDefaultCACertificates([...previous, certs.ca.cert]);
      const answer = await createNodeHttpFetch({ timeoutMs: 5_000 })(server.url, {
        method: 'POST',
        body: '{}',
      });
      expect(await answer.json()).toEqual({ secure: true });
    });
  });
});
