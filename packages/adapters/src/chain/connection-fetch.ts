import type { ConnectionConfig } from '@solana/web3.js';
import type { HttpFetch } from '../http/create-node-http-fetch';

/** web3.js's `fetch` option: a `fetch`-compatible function. */
type ConnectionFetch = NonNullable<ConnectionConfig['fetch']>;

/**
 * web3.js's `fetch` option over an {@link HttpFetch}. `Connection`'s RPC client sends a string
 * URL, a JSON string body and a plain headers object, and reads only `ok`, `status`,
 * `statusText` and `text()` of the answer (web3.js 1.x `createRpcClient`), which an
 * `HttpFetchResponse` has; anything else it sends is refused rather than sent half.
 */
export function connectionFetch(fetch: HttpFetch): ConnectionFetch {
  return async (input, init) => {
    const body = init?.body ?? undefined;
    const headers = init?.headers ?? {};
    if (typeof input !== 'string' || (body !== undefined && typeof body !== 'string')) {
      throw new TypeError(
        'web3.js sent a request this client does not send (non-string URL or body)',
      );
    }
    if (
      Array.isArray(headers) ||
      typeof (headers as { forEach?: unknown }).forEach === 'function'
    ) {
      throw new TypeError('web3.js sent headers this client does not send (not a plain object)');
    }
    const answer = await fetch(input, {
      method: init?.method,
      headers: headers as Record<string, string>,
      body,
      signal: init?.signal,
    });
    // The answer has every member web3.js reads of a `Response` (see above).
    return answer as unknown as Response;
  };
}
