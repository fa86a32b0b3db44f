import { Agent, request } from 'node:https';
import type { GreenExchange } from './sim-order';
import type { GreenTarget } from './simulator-state';

/**
 * Shopify keeps its connections to an app alive (and API Gateway terminates them in AWS): a new
 * mutual-TLS handshake per request made the local stack spend its CPU on RSA signatures on both
 * ends (docs/performance.md). Sockets are keyed by target and client identity, so a different
 * certificate still gets its own handshake.
 */
const keepAliveAgent = new Agent({ keepAlive: true, maxSockets: 64 });

/** How long the simulator waits for the app before giving up on one request. */
const REQUEST_TIMEOUT_MS = 15_000;

/**
 * POSTs `body` to `green.url + path` over mutual TLS: presents the Shopify client certificate
 * and trusts only `green.ca`. Never throws: transport failures come back as status 0.
 */
export function postOverMtls(
  green: GreenTarget,
  path: string,
  headers: Record<string, string>,
  body: string,
): Promise<GreenExchange> {
  const at = new Date().toISOString();
  const url = new URL(`${green.url.replace(/\/+$/, '')}${path}`);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (exchange: GreenExchange): void => {
      if (!settled) {
        settled = true;
        resolve(exchange);
      }
    };
    const send = (retried: boolean): void => {
      const req = request(
        url,
        {
          method: 'POST',
          ca: green.ca,
          cert: green.clientCert,
          key: green.clientKey,
          agent: keepAliveAgent,
          timeout: REQUEST_TIMEOUT_MS,
          headers: {
            'Content-Type': 'application/json',
            Accept: 'application/json',
            'User-Agent': 'Shopify Simulator (solpay testkit)',
            'Content-Length': String(Buffer.byteLength(body)),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', (error) => finish({ status: 0, body: null, error: error.message, at }));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = text.length > 0 ? JSON.parse(text) : null;
            } catch {
              // Not JSON: keep the raw text so failures stay visible.
            }
            finish({ status: res.statusCode ?? 0, body: parsed, at });
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`No answer within ${REQUEST_TIMEOUT_MS} ms`)));
      req.on('error', (error: NodeJS.ErrnoException) => {
        // A kept-alive connection the app closed while idle fails before the request reached it:
        // send once more on a new connection (what Node documents for `reusedSocket`).
        if (!retried && req.reusedSocket && error.code === 'ECONNRESET') return send(true);
        finish({ status: 0, body: null, error: error.message, at });
      });
      req.end(body);
    };
    send(false);
  });
}
