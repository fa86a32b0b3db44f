import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { AddressInfo } from 'node:net';
import type { ThrowawayPki } from './throwaway-pki';

/** One request the fake green gateway received. */
export interface GreenRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** Common name of the client certificate presented in the TLS handshake. */
  clientCertCommonName: string | undefined;
}

/** An answer the test wants green to give. */
export interface GreenAnswer {
  status: number;
  body?: unknown;
}

/** A tiny HTTPS server that requires client certificates, standing in for the app's green gateway. */
export interface FakeGreen {
  url: string;
  requests: GreenRequest[];
  /** Overrides the default answer (return `undefined` to keep the default). */
  answerWith(handler: ((req: GreenRequest) => GreenAnswer | undefined) | null): void;
  close(): Promise<void>;
}

/**
 * Starts the fake green gateway on 127.0.0.1 (port 0). Default answers: `/payment` → 201
 * `{redirect_url}`, `/refund` → 201, `/gdpr/*` → 200 when the HMAC (either header style)
 * matches the raw body under `apiSecret`, else 401.
 */
export async function startFakeGreen(pki: ThrowawayPki, apiSecret: string): Promise<FakeGreen> {
  const requests: GreenRequest[] = [];
  let custom: ((req: GreenRequest) => GreenAnswer | undefined) | null = null;
  const server: Server = createServer(
    {
      key: pki.serverKey,
      cert: pki.serverCert,
      ca: pki.caCert,
      requestCert: true,
      rejectUnauthorized: true,
    },
    (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const peer = (req.socket as TLSSocket).getPeerCertificate();
        const recorded: GreenRequest = {
          method: req.method ?? '',
          path: req.url ?? '',
          headers: req.headers,
          rawBody: Buffer.concat(chunks).toString('utf8'),
          clientCertCommonName: peer?.subject?.CN as string | undefined,
        };
        requests.push(recorded);
        const answer = custom?.(recorded) ?? defaultAnswer(recorded, apiSecret);
        const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
        res.writeHead(answer.status, { 'Content-Type': 'application/json' });
        res.end(text);
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    requests,
    answerWith(handler) {
      custom = handler;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function defaultAnswer(req: GreenRequest, apiSecret: string): GreenAnswer {
  if (req.path === '/payment') {
    const { id } = JSON.parse(req.rawBody) as { id: string };
    return { status: 201, body: { redirect_url: `https://checkout.test/pay/${id}` } };
  }
  if (req.path === '/refund') return { status: 201 };
  if (req.path.startsWith('/gdpr/')) {
    const header = req.headers['x-shopify-hmac-sha256'] ?? req.headers['shopify-hmac-sha256'];
    const expected = createHmac('sha256', apiSecret).update(req.rawBody, 'utf8').digest();
    const given = Buffer.from(typeof header === 'string' ? header : '', 'base64');
    const valid = given.length === expected.length && timingSafeEqual(given, expected);
    return valid
      ? { status: 200, body: { ok: true } }
      : { status: 401, body: { error: 'bad hmac' } };
  }
  return { status: 404, body: { error: 'not found' } };
}
