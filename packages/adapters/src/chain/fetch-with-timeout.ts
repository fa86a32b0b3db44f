/** Statuses a `Response` may not carry a body with. */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * A `fetch` that gives up on a request — answer and body — after `timeoutMs`, for the Solana
 * RPC connection: a hanging RPC node then fails fast as an upstream error (503, retried by
 * callers and by Helius) instead of holding a handler until its Lambda times out with a 500.
 * The body is read inside the time limit and handed back buffered.
 */
export function fetchWithTimeout(timeoutMs: number): typeof fetch {
  return async (input, init) => {
    const controller = new AbortController();
    // An explicit timer rather than `AbortSignal.timeout`, whose weakly held signal can be
    // collected (and then never fires) while the request waits.
    const timer = setTimeout(
      () => controller.abort(new Error(`no answer from ${String(input)} in ${timeoutMs} ms`)),
      timeoutMs,
    );
    const signal = init?.signal
      ? AbortSignal.any([init.signal, controller.signal])
      : controller.signal;
    try {
      const response = await fetch(input, { ...init, signal });
      const body = NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer();
      return new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    } finally {
      clearTimeout(timer);
    }
  };
}
