import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as z from 'zod';
import type { PubSubServer } from '../ws/pubsub-server';
import { RPC_ERROR, RpcError } from './rpc-error';
import type { RpcMethods } from './rpc-method';
import { toJson } from './to-json';

/** Fault injection for tests: fail or hang matching RPC requests. */
export interface RpcFault {
  /** `error`: answer HTTP 503 with a JSON-RPC error; `timeout`: never answer. */
  kind: 'error' | 'timeout';
  /** Methods affected (all when omitted). */
  methods?: string[];
  /** Number of HTTP requests affected (unlimited when omitted). */
  count?: number;
}

const MAX_BODY_BYTES = 2 * 1024 * 1024;
const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, GET, OPTIONS',
  'access-control-allow-headers': 'content-type, solana-client',
  'access-control-max-age': '86400',
};

const requestSchema = z.object({
  jsonrpc: z.literal('2.0'),
  id: z.union([z.string(), z.number(), z.null()]).optional(),
  method: z.string(),
  params: z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())]).optional(),
});

type JsonRpcId = string | number | null;

/** Dependencies of an {@link RpcServer}. */
export interface RpcServerDeps {
  methods: RpcMethods;
  pubsub: PubSubServer;
  /** Added before each answer (simulated network round trip); 0 = none. */
  responseDelayMs?: number;
}

function errorResponse(id: JsonRpcId, error: RpcError): Record<string, unknown> {
  const body: Record<string, unknown> = { code: error.code, message: error.message };
  if (error.data !== undefined) body.data = error.data;
  return { jsonrpc: '2.0', error: body, id };
}

function idOf(raw: unknown): JsonRpcId {
  if (raw && typeof raw === 'object' && 'id' in raw) {
    const { id } = raw as { id: unknown };
    if (typeof id === 'string' || typeof id === 'number') return id;
  }
  return null;
}

function methodOf(raw: unknown): string | null {
  if (raw && typeof raw === 'object' && 'method' in raw) {
    const { method } = raw as { method: unknown };
    if (typeof method === 'string') return method;
  }
  return null;
}

/**
 * JSON-RPC 2.0 over HTTP (single and batch requests, CORS) on one port, and the PubSub
 * WebSocket both on the same port and on port + 1 (where web3.js looks for it).
 */
/** How long an idle kept-alive connection stays open, as on a Solana RPC node. */
const RPC_KEEP_ALIVE_MS = 20_000;

export class RpcServer {
  private readonly http: Server;
  private readonly ws: Server;
  private readonly held = new Set<ServerResponse>();
  private fault: RpcFault | null = null;

  constructor(private readonly deps: RpcServerDeps) {
    this.http = createServer((req, res) => this.onRequest(req, res));
    // Idle connections stay open as long as a Solana RPC node keeps them (web3.js's agent keeps
    // its idle ones 19 s, "one second fewer than the Solana RPC's keepalive timeout"). Node's
    // default of 5 s closed connections that clients then reused: `read ECONNRESET`.
    this.http.keepAliveTimeout = RPC_KEEP_ALIVE_MS;
    this.http.headersTimeout = RPC_KEEP_ALIVE_MS + 1_000;
    this.ws = createServer((_req, res) => {
      res.writeHead(426, { 'content-type': 'text/plain' }).end('Upgrade Required');
    });
    for (const server of [this.http, this.ws]) {
      server.on('upgrade', (req, socket, head) => deps.pubsub.handleUpgrade(req, socket, head));
    }
  }

  /**
   * Binds HTTP to `port` and WebSocket to `port + 1`. With port 0 it picks a free pair.
   * Returns the HTTP port.
   */
  async listen(host: string, port: number): Promise<number> {
    const attempts = port === 0 ? 25 : 1;
    for (let attempt = 1; ; attempt += 1) {
      const httpPort = await this.bind(this.http, host, port);
      try {
        await this.bind(this.ws, host, httpPort + 1);
        return httpPort;
      } catch (error) {
        await new Promise<void>((resolve) => this.http.close(() => resolve()));
        if (attempt >= attempts) throw error;
      }
    }
  }

  /** Sets or clears fault injection. */
  setFault(fault: RpcFault | null): void {
    this.fault = fault && (fault.count === undefined || fault.count > 0) ? { ...fault } : null;
  }

  /** Stops both servers, closing every open connection and held request. */
  async close(): Promise<void> {
    this.deps.pubsub.closeAll();
    for (const res of this.held) res.destroy();
    this.held.clear();
    await Promise.all(
      [this.http, this.ws].map(
        (server) =>
          new Promise<void>((resolve) => {
            if (!server.listening) return resolve();
            server.close(() => resolve());
            server.closeAllConnections();
          }),
      ),
    );
  }

  private bind(server: Server, host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      server.once('error', onError);
      server.listen(port, host, () => {
        server.off('error', onError);
        resolve((server.address() as AddressInfo).port);
      });
    });
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS_HEADERS).end();
      return;
    }
    if (req.method === 'GET' && req.url === '/health') {
      res.writeHead(200, { ...CORS_HEADERS, 'content-type': 'text/plain' }).end('ok');
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(405, CORS_HEADERS).end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        res.writeHead(413, CORS_HEADERS).end();
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (res.writableEnded) return;
      const text = Buffer.concat(chunks).toString('utf8');
      const delay = this.deps.responseDelayMs ?? 0;
      if (delay <= 0) return this.respond(text, res);
      setTimeout(() => {
        if (!res.writableEnded && !res.destroyed) this.respond(text, res);
      }, delay);
    });
  }

  private respond(text: string, res: ServerResponse): void {
    const send = (status: number, body: unknown) => {
      res
        .writeHead(status, { ...CORS_HEADERS, 'content-type': 'application/json' })
        .end(toJson(body));
    };
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      send(200, errorResponse(null, new RpcError(RPC_ERROR.parseError, 'Parse error')));
      return;
    }
    const batch = Array.isArray(raw);
    const items: unknown[] = batch ? (raw as unknown[]) : [raw];
    if (batch && items.length === 0) {
      send(200, errorResponse(null, new RpcError(RPC_ERROR.invalidRequest, 'Invalid request')));
      return;
    }
    const fault = this.takeFault(items.map(methodOf));
    if (fault === 'timeout') {
      this.held.add(res);
      res.on('close', () => this.held.delete(res));
      return;
    }
    if (fault === 'error') {
      const error = new RpcError(RPC_ERROR.nodeUnhealthy, 'Injected fault: node is unavailable');
      const bodies = items.map((item) => errorResponse(idOf(item), error));
      send(503, batch ? bodies : bodies[0]);
      return;
    }
    const bodies = items.map((item) => this.dispatch(item));
    send(200, batch ? bodies : bodies[0]);
  }

  private takeFault(methods: (string | null)[]): RpcFault['kind'] | null {
    const fault = this.fault;
    if (!fault) return null;
    const hit = !fault.methods || methods.some((m) => m !== null && fault.methods?.includes(m));
    if (!hit) return null;
    if (fault.count !== undefined) {
      fault.count -= 1;
      if (fault.count <= 0) this.fault = null;
    }
    return fault.kind;
  }

  private dispatch(item: unknown): Record<string, unknown> {
    const parsed = requestSchema.safeParse(item);
    if (!parsed.success) {
      return errorResponse(idOf(item), new RpcError(RPC_ERROR.invalidRequest, 'Invalid request'));
    }
    const { id = null, method, params } = parsed.data;
    const handler = Object.hasOwn(this.deps.methods, method)
      ? this.deps.methods[method]
      : undefined;
    if (!handler) {
      return errorResponse(id, new RpcError(RPC_ERROR.methodNotFound, 'Method not found'));
    }
    try {
      return { jsonrpc: '2.0', result: handler(params ?? []), id };
    } catch (error) {
      const rpcError =
        error instanceof RpcError
          ? error
          : new RpcError(RPC_ERROR.internal, `Internal error: ${(error as Error).message}`);
      return errorResponse(id, rpcError);
    }
  }
}
