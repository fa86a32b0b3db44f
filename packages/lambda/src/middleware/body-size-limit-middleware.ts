import { PayloadTooLargeError } from '../errors/payload-too-large-error';
import type { HttpMiddleware } from './http-invocation';

/** Refuses a body larger than `maxBytes` (counted after base64 decoding) with 413. */
export function bodySizeLimitMiddleware(maxBytes: number): HttpMiddleware {
  return {
    before: ({ event }) => {
      const { deliveredBody, isBase64Encoded } = event.normalized;
      if (deliveredBody === undefined) return;
      const size = Buffer.byteLength(deliveredBody, isBase64Encoded ? 'base64' : 'utf8');
      if (size > maxBytes) {
        throw new PayloadTooLargeError(`Request body exceeds ${maxBytes} bytes`, {
          details: { maxBytes },
        });
      }
    },
  };
}
