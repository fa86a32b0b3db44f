import { MalformedRequestError } from '@solpay/domain';
import { tryDecodeUriComponent } from './try-decode-uri-component';

/** Which part of a request a percent-encoded text came from (named in the 400 message). */
export type RequestComponent = 'request path' | 'query string';

/**
 * Decodes a percent-encoded path segment or query component of a request; a malformed escape
 * is the caller's mistake, so it is a {@link MalformedRequestError} (400 `{ code, message }`) and never
 * a `URIError` (500).
 */
export function decodeRequestComponent(text: string, component: RequestComponent): string {
  const decoded = tryDecodeUriComponent(text);
  if (decoded === undefined) {
    throw new MalformedRequestError(`Malformed percent-escape in the ${component}`);
  }
  return decoded;
}
