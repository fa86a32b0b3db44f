import type { HttpResult } from '../http/http-result';
import type { HttpMiddleware, HttpMiddyRequest } from './http-invocation';

/** Which browser origins may call a route: any (`*`) or an allow-list (with credentials). */
export type CorsPolicy = 'any' | readonly string[];

const DEFAULT_METHODS = 'GET,POST,PUT,PATCH,DELETE,OPTIONS';

function corsHeaders(policy: CorsPolicy, origin: string | undefined): Record<string, string> {
  if (policy === 'any') return { 'access-control-allow-origin': '*' };
  const headers: Record<string, string> = { vary: 'Origin' };
  if (origin !== undefined && policy.includes(origin)) {
    headers['access-control-allow-origin'] = origin;
    headers['access-control-allow-credentials'] = 'true';
  }
  return headers;
}

function addHeaders(request: HttpMiddyRequest, policy: CorsPolicy): void {
  const response = request.response;
  if (!response) return;
  const origin = request.event.normalized.request.headers.origin;
  const retryAfter = Object.keys(response.headers ?? {}).some(
    (name) => name.toLowerCase() === 'retry-after',
  );
  response.headers = {
    ...response.headers,
    ...corsHeaders(policy, origin),
    // Not a CORS-safelisted header: browser callers could not read a 429's wait otherwise.
    ...(retryAfter ? { 'access-control-expose-headers': 'Retry-After' } : {}),
  };
}

/**
 * Adds CORS headers to every response (errors included) and answers `OPTIONS` preflights
 * with 204 before any other step runs.
 */
export function corsMiddleware(policy: CorsPolicy): HttpMiddleware {
  return {
    before: ({ event }): HttpResult | undefined => {
      const { request } = event.normalized;
      if (request.method !== 'OPTIONS') return undefined;
      return {
        statusCode: 204,
        headers: {
          ...corsHeaders(policy, request.headers.origin),
          'access-control-allow-methods':
            request.headers['access-control-request-method'] ?? DEFAULT_METHODS,
          'access-control-allow-headers':
            request.headers['access-control-request-headers'] ?? 'content-type',
          'access-control-max-age': '600',
        },
        body: '',
      };
    },
    after: (request) => addHeaders(request, policy),
    onError: (request) => addHeaders(request, policy),
  };
}
