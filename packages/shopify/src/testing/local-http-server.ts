import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as received by {@link startLocalHttpServer}. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** Answers one request; may write nothing (to stall) or destroy the socket. */
export type LocalHandler = (request: RecordedRequest, res: ServerResponse) => void;

/** A real HTTP server on 127.0.0.1 standing in for Shopify in tests. */
export interface LocalHttpServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** Sets how the next requests are answered. */
  handle(handler: LocalHandler): void;
  close(): Promise<void>;
}

/** Starts a `node:http` server on 127.0.0.1, port 0. Test-only helper. */
export async function startLocalHttpServer(): Promise<LocalHttpServer> {
  const requests: RecordedRequest[] = [];
  let handler: LocalHandler = (_request, res) => {
    res.statusCode = 500;
    res.end('no handler');
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      handler(recorded, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    handle(next) {
      handler = next;
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

/** Writes a JSON answer. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
