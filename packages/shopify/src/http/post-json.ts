/**
 * The `fetch` the package calls: what it sends and reads of the global one (its default), so
 * that any client with that shape will do (the app passes one over `node:https`).
 */
export type FetchLike = (
  url: string,
  init: {
    method: 'POST';
    headers: Record<string, string>;
    body: string;
    redirect: 'manual';
    signal: AbortSignal;
  },
) => Promise<{ status: number; headers: ResponseHeaders; text(): Promise<string> }>;

/** The response headers the package reads. */
export interface ResponseHeaders {
  get(name: string): string | null;
}

/** Input of {@link postJson}. */
export interface PostJsonInput {
  fetch: FetchLike;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  /** Budget for the whole exchange, including reading the response body. */
  timeoutMs: number;
}

/** A response whose body was fully read as text. */
export interface ReadResponse {
  status: number;
  headers: ResponseHeaders;
  bodyText: string;
}

/** Outcome of {@link postJson}: a read response (any status) or a transport failure. */
export type PostJsonResult =
  | { ok: true; response: ReadResponse }
  | { ok: false; reason: 'network' | 'timeout'; error: unknown };

/**
 * POSTs `body` as JSON and reads the whole response body as text, under one
 * `AbortSignal.timeout(timeoutMs)`. Never throws for transport problems: connection errors
 * come back as `network`, the timeout as `timeout`. Redirects are not followed (a redirected
 * POST would silently turn into a GET); a 3xx comes back as a normal response.
 */
export async function postJson(input: PostJsonInput): Promise<PostJsonResult> {
  const signal = AbortSignal.timeout(input.timeoutMs);
  try {
    const response = await input.fetch(input.url, {
      method: 'POST',
      headers: input.headers,
      body: JSON.stringify(input.body),
      redirect: 'manual',
      signal,
    });
    const bodyText = await response.text();
    return { ok: true, response: { status: response.status, headers: response.headers, bodyText } };
  } catch (error) {
    return { ok: false, reason: isTimeout(error, signal) ? 'timeout' : 'network', error };
  }
}

function isTimeout(error: unknown, signal: AbortSignal): boolean {
  if (signal.aborted) return true;
  return error instanceof Error && error.name === 'TimeoutError';
}
