import https from 'node:https';
import { readJsonOrText } from './read-json-or-text';

/** One answer of {@link httpsCall}. */
export interface HttpsAnswer {
  status: number;
  /** Parsed JSON, or the text when not JSON. */
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}

/** A request: raw body bytes/text so fuzzers can send anything, not only JSON. */
export interface HttpsCall {
  method: string;
  /** Path with query string. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/**
 * Sends one request to `origin` over TLS (client certificate optional, for green's mTLS) with a
 * keep-alive agent, and resolves with the status and body. Rejects after `timeoutMs` with no
 * answer — a hang is a failure for the fuzz and fault tests.
 */
export function createHttpsCaller(
  origin: string,
  tls: { ca: string; cert?: string; key?: string },
  timeoutMs = 20_000,
) {
  const agent = new https.Agent({ keepAlive: true, maxSockets: 64, ...tls });
  const call = (request: HttpsCall): Promise<HttpsAnswer> =>
    new Promise((resolve, reject) => {
      const send = (retried: boolean): void => {
        const req = https.request(
          new URL(request.path, origin),
          {
            method: request.method,
            // The resend goes out on a new connection, not on another idle one.
            ...(retried ? { agent: false, ...tls } : { agent }),
            // Node sends DELETE/OPTIONS bodies unframed unless the length is given.
            headers: {
              ...(request.body === undefined
                ? {}
                : { 'content-length': String(Buffer.byteLength(request.body)) }),
              ...request.headers,
            },
          },
          (res) => {
            readJsonOrText(res).then(resolve, reject);
          },
        );
        req.setTimeout(timeoutMs, () =>
          req.destroy(
            new Error(`no answer to ${request.method} ${request.path} in ${timeoutMs} ms`),
          ),
        );
        req.on('error', (error: NodeJS.ErrnoException) => {
          // A kept-alive connection the server closed while idle (it keeps them 5 s): the request
          // never reached it, so once more on a new connection.
          if (!retried && req.reusedSocket && error.code === 'ECONNRESET') return send(true);
          reject(error);
        });
        req.end(request.body);
      };
      send(false);
    });
  return { call, close: () => agent.destroy() };
}
