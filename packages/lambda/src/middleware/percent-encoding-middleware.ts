import { decodeRequestComponent } from '../http/decode-request-component';
import { parseRawQueryString } from '../http/parse-raw-query-string';
import type { HttpMiddleware } from './http-invocation';

/**
 * Refuses a request whose path or query string holds a malformed percent-escape (`/x/%`,
 * `/x/%E0%A4%A`) with 400 before any handler code runs, so no route can turn one into a
 * `URIError` 500. Path parameters and query values stay as API Gateway delivered them.
 */
export function percentEncodingMiddleware(): HttpMiddleware {
  return {
    before: ({ event }) => {
      const { request, format } = event.normalized;
      for (const segment of request.rawPath.split('/')) {
        decodeRequestComponent(segment, 'request path');
      }
      // A REST API (v1) event has no raw query: ours is re-encoded from decoded values.
      if (format === 'v2') parseRawQueryString(request.rawQueryString);
    },
  };
}
