import { MalformedRequestError } from '@solpay/domain';
import { UnsupportedMediaTypeError } from '../errors/unsupported-media-type-error';
import type { HttpMiddleware } from './http-invocation';

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** True for `application/json` and `application/*+json`, parameters ignored. */
export function isJsonContentType(contentType: string | undefined): boolean {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaType === 'application/json' || /^application\/[\w.+-]+\+json$/.test(mediaType);
}

/**
 * Parses a JSON body into `body`. With `requireJson`, a non-empty POST/PUT/PATCH body must be
 * sent as JSON (else 415). A body that does not parse is a 400 "Malformed JSON body". A non-JSON
 * body that is allowed stays a string in `body`; an empty body leaves `body` undefined.
 */
export function jsonBodyMiddleware(requireJson: boolean): HttpMiddleware {
  return {
    before: ({ event }) => {
      const { request } = event.normalized;
      if (request.rawBody === '') return;
      const isJson = isJsonContentType(request.headers['content-type']);
      if (!isJson) {
        if (requireJson && METHODS_WITH_BODY.has(request.method)) {
          throw new UnsupportedMediaTypeError();
        }
        request.body = request.rawBody;
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(request.rawBody);
      } catch (error) {
        throw new MalformedRequestError('Malformed JSON body', { cause: error });
      }
      // PostgreSQL text cannot hold U+0000, and no field we accept needs it: refuse it here,
      // once, instead of letting a `\u0000` reach a query as a 500.
      if (containsNul(body)) {
        throw new MalformedRequestError(
          'JSON strings must not contain the NUL character (\\u0000)',
        );
      }
      request.body = body;
    },
  };
}

/** Whether any string (key or value) in a parsed JSON value contains U+0000. */
function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\0');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([key, item]) => key.includes('\0') || containsNul(item));
  }
  return false;
}
