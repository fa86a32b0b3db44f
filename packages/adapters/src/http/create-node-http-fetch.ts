import http from 'node:http';
import https from 'node:https';

/** What {@link HttpFetch} sends: the part of `fetch`'s `RequestInit` the app's clients use. */
export interface HttpFetchInit {
  method?: string | undefined;
  headers?: Readonly<Record<string, string>> | undefined;
  body?: string | undefined;
  signal?: AbortSignal | null | undefined;
  /** Redirects are never followed (a redirected POST would turn into a GET); 3xx is an answer. */
  redirect?: 'manual' | undefined;
}

/** A fully read answer: the part of `fetch`'s `Response` the app's clients read. */
export interface HttpFetchResponse {
  status: number;
  statusText: string;
  /** `status` is 2xx. */
  ok: boolean;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
  json(): Promise<unknown>;
}

/** A `fetch`-shaped function over `node:http`/`node:https` (see {@link createNodeHttpFetch}). */
export type HttpFetch = (url: string, init?: HttpFetchInit) => Promise<HttpFetchResponse>;

/** Options of {@link createNodeHttpFetch}. */
export interface NodeHttpFetchOptions {
  /** Gives up on the whole exchange (connection, answer and body) after this many ms. */
  timeoutMs: number;
  /** Most connections open at once per origin (default 25, as web3.js's own agent). */
  maxSockets?: number;
}

/**
 * Closes a kept-alive connection unused for this long: below the idle timeouts of the servers
 * the app calls (Shopify, hosted Solana RPC: 20 s and more), so a request never goes out on a
 * connection the server is closing.
 */
const IDLE_SOCKET_MS = 15_000;

/**
 * A `fetch` for the app's outbound calls (Solana RPC, Shopify, screening) on `node:http` and
 * `node:https` with keep-alive agents, reading the whole body within `timeoutMs`.
 *
 * Why not the global `fetch`: Node loads undici (its `fetch`, `Response`, WHATWG streams) at a
 * process's first call, 50–60 ms of a Lambda's cold start on a quiet machine (docs/performance.md,
 * "Cold start"), and each call costs more CPU than an `http.request`. The app's clients need only
 * a POST with a string body and a buffered answer, which is what this does. A request that
 * fails because a kept-alive connection was closed by the server as it was reused
 * (`ECONNRESET` before any answer) is sent once more on a new connection, as Node's
 * documentation advises: the server closed it idle, so it never received the request.
 */
export function createNodeHttpFetch(options: NodeHttpFetchOptions): HttpFetch {
  const agentOptions = {
    keepAlive: true,
    maxSockets: options.maxSockets ?? 25,
    timeout: IDLE_SOCKET_MS,
  };
  const agents = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };
  return async (url, init = {}) => {
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    if (!secure && target.protocol !== 'http:') {
      throw new TypeError(`unsupported protocol ${target.protocol} in ${url}`);
    }
    // An explicit timer, not `AbortSignal.timeout`, whose weakly held signal can be collected
    // (and then never fires) while a request waits.
    const timeout = new AbortController();
    const timer = setTimeout(
      () => timeout.abort(timeoutError(options.timeoutMs, url)),
      options.timeoutMs,
    );
    const deadline = init.signal ? AbortSignal.any([init.signal, timeout.signal]) : timeout.signal;
    // `agent: false` for the one resend: a new connection, not another kept-alive one.
    const send = (reuse: boolean): Promise<HttpFetchResponse> =>
      exchange(secure ? https : http, target, {
        method: init.method ?? 'GET',
        headers: init.headers ?? {},
        body: init.body,
        signal: deadline,
        agent: reuse ? (secure ? agents.https : agents.http) : false,
      });
    try {
      return await send(true);
    } catch (error) {
      if (!(error instanceof StaleConnectionError)) throw error;
      if (deadline.aborted) throw error.cause;
      return await send(false);
    } finally {
      clearTimeout(timer);
    }
  };
}

/** The request went out on a reused connection that the server had closed. */
class StaleConnectionError extends Error {
  override readonly name = 'StaleConnectionError';
}

interface ExchangeInput {
  method: string;
  headers: Readonly<Record<string, string>>;
  body: string | undefined;
  signal: AbortSignal;
  agent: http.Agent | false;
}

/** One request and its whole answer, cut when `signal` aborts. */
function exchange(
  transport: typeof http | typeof https,
  target: URL,
  input: ExchangeInput,
): Promise<HttpFetchResponse> {
  return new Promise((resolve, reject) => {
    if (input.signal.aborted) {
      reject(input.signal.reason);
      return;
    }
    const body = input.body === undefined ? undefined : Buffer.from(input.body, 'utf8');
    const request = transport.request(target, {
      method: input.method,
      headers: {
        ...input.headers,
        ...(body === undefined ? {} : { 'content-length': String(body.length) }),
      },
      agent: input.agent,
    });
    let answered = false;
    const abort = () => request.destroy(input.signal.reason as Error);
    input.signal.addEventListener('abort', abort, { once: true });
    request.on('error', (error: NodeJS.ErrnoException) => {
      input.signal.removeEventListener('abort', abort);
      if (input.signal.aborted) reject(input.signal.reason);
      else if (!answered && request.reusedSocket && error.code === 'ECONNRESET') {
        reject(new StaleConnectionError('kept-alive connection closed', { cause: error }));
      } else reject(error);
    });
    request.on('response', (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', (error) => {
        input.signal.removeEventListener('abort', abort);
        reject(input.signal.aborted ? input.signal.reason : error);
      });
      response.on('end', () => {
        input.signal.removeEventListener('abort', abort);
        resolve(bufferedResponse(response, Buffer.concat(chunks).toString('utf8')));
      });
    });
    request.end(body);
  });
}

function bufferedResponse(response: http.IncomingMessage, text: string): HttpFetchResponse {
  const status = response.statusCode ?? 0;
  return {
    status,
    statusText: response.statusMessage ?? '',
    ok: status >= 200 && status <= 299,
    headers: {
      get(name) {
        const value = response.headers[name.toLowerCase()];
        if (value === undefined) return null;
        return Array.isArray(value) ? value.join(', ') : value;
      },
    },
    text: () => Promise.resolve(text),
    json: () => Promise.resolve().then(() => JSON.parse(text) as unknown),
  };
}

/** The reason a request that ran out of time is aborted with (`name` as `AbortSignal.timeout`'s). */
function timeoutError(ms: number, url: string): Error {
  const error = new Error(`no answer from ${url} in ${ms} ms`);
  error.name = 'TimeoutError';
  return error;
}
