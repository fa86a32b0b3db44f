import type { HttpMiddleware } from './http-invocation';

/** What an authentication check sees: the request before its body is parsed or validated. */
export interface HttpAuthenticateInput {
  /** Upper-case method. */
  method: string;
  /** Path as the route sees it. */
  path: string;
  /** Headers with lower-cased names, not validated. */
  headers: Readonly<Record<string, string>>;
  /** The body exactly as sent (base64-decoded), for HMACs; `''` when empty. */
  rawBody: string;
}

/**
 * Checks a request's credentials before anything reads its body: throws an error of the
 * error table (typically `AuthenticationFailedError`) to refuse it. May be async.
 */
export type HttpAuthenticate = (request: HttpAuthenticateInput) => void | Promise<void>;

/**
 * Runs `authenticate` on the raw request, after the size limit and before JSON parsing and
 * validation: a caller without valid credentials gets 401 whatever its body, and learns nothing
 * about the shape the route expects.
 */
export function authenticateMiddleware(authenticate: HttpAuthenticate): HttpMiddleware {
  return {
    before: async ({ event }) => {
      const { method, path, headers, rawBody } = event.normalized.request;
      await authenticate({ method, path, headers, rawBody });
    },
  };
}
