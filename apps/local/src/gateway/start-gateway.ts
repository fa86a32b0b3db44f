import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import { listenServer } from '../server/listen-server';
import { answerClientError } from './answer-client-error';
import type { RunningServer } from '../server/running-server';
import { buildHttpApiEvent } from './build-http-api-event';
import { clientCertInfo } from './client-cert-info';
import { buildRestApiEvent, type GatewayIdentity } from './build-rest-api-event';
import type { GatewayRequest } from './gateway-request';
import { jsonErrorResponse } from './json-error-response';
import { invokeWithDeadline, type InvocationOutcome } from './invoke-with-deadline';
import { createLambdaHandlerLoader, type LambdaHandlerLoader } from './lambda-handler-loader';
import { toGatewayResponse, type GatewayResponse } from './lambda-result';
import type { GatewayName, LambdaRoute } from './lambda-route';
import { matchRoute } from './match-route';

/** Largest request body a gateway accepts (API Gateway's limit is higher; ours is 1 MiB). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** API Gateway's integration timeout of a REST API (29 s, the default and the Lambda maximum). */
export const REST_INTEGRATION_LIMIT_MS = 29_000;

/** API Gateway's integration timeout of an HTTP API (30 s, fixed). */
export const HTTP_API_INTEGRATION_LIMIT_MS = 30_000;

/** Local-only response headers: the invocation's Solana RPC calls and sequential round trips. */
export const RPC_CALLS_HEADER = 'x-local-rpc-calls';
export const RPC_ROUND_TRIPS_HEADER = 'x-local-rpc-round-trips';
/**
 * Local-only response header: the invocation's own duration in milliseconds (what Lambda bills
 * as Duration), without the TLS handshake and HTTP work that API Gateway does in AWS.
 */
export const DURATION_HEADER = 'x-local-duration-ms';

/** Options of {@link startGateway}. */
export interface GatewayOptions {
  /** `green` serves REST API v1 events, `purple` HTTP API v2 events. */
  name: GatewayName;
  /** All routes; only those of this gateway are served. */
  routes: readonly LambdaRoute[];
  /** TLS settings (key, cert; for mTLS also ca, requestCert, rejectUnauthorized). */
  tls: https.ServerOptions;
  /** Interface to bind (default `127.0.0.1`). */
  host?: string;
  /** Port; 0 picks a free one. */
  port: number;
  /** Requests wait for this before reaching a handler (the app environment is set then). */
  ready?: Promise<void>;
  /** Shared handler loader (one per stack, so modules load once). */
  loader?: LambdaHandlerLoader;
  /** Access and error log (default: none). */
  log?: (line: string) => void;
  /** Body size limit in bytes (default {@link MAX_BODY_BYTES}). */
  maxBodyBytes?: number;
}

/**
 * Starts a local API Gateway over HTTPS: it matches each request against the serverless.yml
 * routes of this gateway, builds the event API Gateway would send (REST v1 for green, HTTP API
 * v2 for purple), calls the handler with a Lambda-like context and writes its result.
 * Unknown route → 404 `{code:'NOT_FOUND'}`; body over the limit → 413; headers over Node's
 * limit or an unparseable request → 431/400 (JSON too, see `answerClientError`); handler throws
 * or returns a malformed result → 502 `{code:'INTERNAL'}` (the error goes to the log only).
 * Timeouts answer what API Gateway answers: green (REST) 504 `{"message":"Endpoint request timed
 * out"}` at the function's timeout or the 29 s integration limit; purple (HTTP API) 503
 * `{"message":"Service Unavailable"}` at the function's timeout and 504 `{"message":"Gateway
 * Timeout"}` at the 30 s integration limit. The invocation is abandoned at its timeout (see
 * `invokeWithDeadline`): nothing it still attempts reaches the database, the chain or Shopify.
 * Every answer from a handler carries the invocation's RPC calls and sequential round trips in
 * {@link RPC_CALLS_HEADER} / {@link RPC_ROUND_TRIPS_HEADER}.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningServer> {
  const routes = options.routes.filter((route) => route.gateway === options.name);
  const loader = options.loader ?? createLambdaHandlerLoader();
  const log = options.log ?? (() => undefined);
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const api = options.name === 'green' ? 'rest' : 'http';
  const identity: GatewayIdentity = {
    accountId: '000000000000',
    apiId: `local-${options.name}`,
    stage: api === 'rest' ? 'local' : '$default',
  };

  const server = https.createServer(
    { minVersion: 'TLSv1.2', ...options.tls },
    (req: IncomingMessage, res: ServerResponse) => {
      const started = Date.now();
      void handle(req, res)
        .catch((error: unknown) => {
          log(`${options.name} ${req.method} ${req.url} failed: ${describe(error)}`);
          return jsonErrorResponse(502, 'INTERNAL', 'Internal server error');
        })
        .then((response) => {
          write(res, response);
          log(
            `${options.name} ${req.method} ${req.url} ${response.statusCode} ${Date.now() - started}ms${problemOf(response)}`,
          );
        });
    },
  );

  server.on('clientError', answerClientError);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<GatewayResponse> {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBodyBytes) return tooLarge(req, res, maxBodyBytes);
    const body = await readBody(req, maxBodyBytes);
    if (!body) return tooLarge(req, res, maxBodyBytes);

    const url = req.url ?? '/';
    const queryAt = url.indexOf('?');
    const rawPath = queryAt === -1 ? url : url.slice(0, queryAt);
    const rawQueryString = queryAt === -1 ? '' : url.slice(queryAt + 1);
    const method = (req.method ?? 'GET').toUpperCase();
    const match = matchRoute(routes, method, rawPath);
    if (!match) return jsonErrorResponse(404, 'NOT_FOUND', `No route for ${method} ${rawPath}`);

    const socket = req.socket as TLSSocket;
    // Only a gateway that asks for client certificates has one to read (green).
    const clientCert = options.tls.requestCert ? clientCertInfo(socket) : null;
    const rawHeaders: Array<[string, string]> = [];
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
      rawHeaders.push([req.rawHeaders[i] ?? '', req.rawHeaders[i + 1] ?? '']);
    }
    const host = req.headers.host ?? 'localhost';
    const request: GatewayRequest = {
      method,
      rawPath,
      rawQueryString,
      rawHeaders,
      body,
      sourceIp: (socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
      protocol: `HTTP/${req.httpVersion}`,
      domainName: host.replace(/:\d+$/, '').replace(/^\[|\]$/g, ''),
      receivedAt: new Date(),
      requestId: randomUUID(),
      ...(clientCert ? { clientCert } : {}),
    };

    await options.ready;
    const event =
      api === 'rest'
        ? buildRestApiEvent(request, match, identity)
        : buildHttpApiEvent(request, match, identity);
    const fn = match.route.fn;
    const handler = await loader.load(fn);
    const invokedAt = performance.now();
    const outcome = await invokeWithDeadline(fn, handler, event, {
      requestId: request.requestId,
      callerLimitMs: api === 'rest' ? REST_INTEGRATION_LIMIT_MS : HTTP_API_INTEGRATION_LIMIT_MS,
      onLateEnd: (end) =>
        log(`${options.name} ${method} ${rawPath} abandoned invocation of ${fn.name} ${end}`),
    });
    return withIoHeaders(answerOutcome(outcome, fn.name), outcome, performance.now() - invokedAt);
  }

  function answerOutcome(outcome: InvocationOutcome, name: string): GatewayResponse {
    switch (outcome.kind) {
      case 'returned':
        return toGatewayResponse(outcome.value, api);
      case 'threw':
        throw outcome.error;
      case 'function-timeout':
        log(`${options.name} ${name} failed: timed out (function timeout)`);
        return api === 'rest'
          ? apiGatewayMessage(504, 'Endpoint request timed out')
          : apiGatewayMessage(503, 'Service Unavailable');
      case 'caller-timeout':
        log(`${options.name} ${name} failed: timed out (integration limit)`);
        return api === 'rest'
          ? apiGatewayMessage(504, 'Endpoint request timed out')
          : apiGatewayMessage(504, 'Gateway Timeout');
    }
  }

  return listenServer(server, {
    host: options.host ?? '127.0.0.1',
    port: options.port,
    scheme: 'https',
  });
}

/** Reads the body, or returns undefined as soon as it exceeds `limit` bytes. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

function tooLarge(req: IncomingMessage, res: ServerResponse, limit: number): GatewayResponse {
  // The rest of the body is never read: close the connection once the answer is out.
  res.setHeader('Connection', 'close');
  res.once('finish', () => req.socket.destroySoon());
  return jsonErrorResponse(413, 'PAYLOAD_TOO_LARGE', `Request body exceeds ${limit} bytes`);
}

function write(res: ServerResponse, response: GatewayResponse): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  for (const [name, values] of Object.entries(response.headers)) {
    if (name.toLowerCase() === 'content-length' || name.toLowerCase() === 'transfer-encoding') {
      continue;
    }
    res.setHeader(name, values.length === 1 ? (values[0] ?? '') : values);
  }
  res.setHeader('Content-Length', response.body.length);
  res.statusCode = response.statusCode;
  res.end(response.body);
}

/** API Gateway's own error body (`{"message": …}`), as it answers timeouts. */
function apiGatewayMessage(statusCode: number, message: string): GatewayResponse {
  return {
    statusCode,
    headers: { 'content-type': ['application/json'] },
    body: Buffer.from(JSON.stringify({ message }), 'utf8'),
  };
}

function withIoHeaders(
  response: GatewayResponse,
  outcome: InvocationOutcome,
  durationMs: number,
): GatewayResponse {
  return {
    ...response,
    headers: {
      ...response.headers,
      [RPC_CALLS_HEADER]: [String(outcome.io.rpcCalls)],
      [RPC_ROUND_TRIPS_HEADER]: [String(outcome.io.rpcRoundTrips)],
      [DURATION_HEADER]: [durationMs.toFixed(1)],
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** ` — <message>` of a 4xx JSON answer, so the one access line says what was wrong. */
function problemOf(response: GatewayResponse): string {
  if (response.statusCode < 400 || response.statusCode >= 500) return '';
  try {
    const body = JSON.parse(response.body.toString('utf8')) as { message?: unknown };
    return typeof body.message === 'string' ? ` — ${body.message.slice(0, 160)}` : '';
  } catch {
    return '';
  }
}
