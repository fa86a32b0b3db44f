import https from 'node:https';
import { readJsonOrText } from '../../apps/local/src/measured/read-json-or-text';

/** TLS material for a request: the CA to trust and, for green's mTLS, the client identity. */
export interface TlsIdentity {
  ca: string;
  cert?: string;
  key?: string;
}

/**
 * Connections are kept alive and reused, as a browser, a wallet and API Gateway do: a fresh TLS
 * handshake per request made the stack spend a large share of its CPU on RSA signatures the
 * production path never pays per request (docs/performance.md).
 */
const keepAliveAgent = new https.Agent({ keepAlive: true, maxSockets: 256 });

/** A JSON answer. */
export interface JsonAnswer {
  status: number;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Sends one HTTPS request with a JSON body (when given) and reads the JSON answer. Node's `fetch`
 * cannot present a client certificate, so green (mTLS) is called through `node:https`.
 */
export function httpsJson(
  url: string,
  init: { method: string; headers?: Record<string, string>; body?: unknown; tls: TlsIdentity },
): Promise<JsonAnswer> {
  const payload = init.body === undefined ? undefined : JSON.stringify(init.body);
  return new Promise((resolve, reject) => {
    const send = (retried: boolean): void => {
      const req = https.request(
        url,
        {
          method: init.method,
          ca: init.tls.ca,
          ...(init.tls.cert ? { cert: init.tls.cert, key: init.tls.key } : {}),
          agent: keepAliveAgent,
          headers: {
            ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
            ...init.headers,
          },
          timeout: 30_000,
        },
        (res) => {
          readJsonOrText(res).then(
            ({ status, body }) => resolve({ status, body, headers: res.headers }),
            reject,
          );
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${init.method} ${url} timed out`)));
      req.on('error', (error: NodeJS.ErrnoException) => {
        // A kept-alive connection the server closed while idle: once more on a new connection.
        if (!retried && req.reusedSocket && error.code === 'ECONNRESET') return send(true);
        reject(error);
      });
      req.end(payload);
    };
    send(false);
  });
}
