import { BadRequestError, UnsupportedMediaTypeError } from '../errors/app-error';
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
      try {
        request.body = JSON.parse(request.rawBody);
      } catch (error) {
        throw new BadRequestError('Malformed JSON body', { cause: error });
      }
    },
  };
}
