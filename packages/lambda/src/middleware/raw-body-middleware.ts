import type { HttpMiddleware } from './http-invocation';

/** Keeps the exact body text (base64-decoded if needed) as `rawBody`, for HMAC checks. */
export function rawBodyMiddleware(): HttpMiddleware {
  return {
    before: ({ event }) => {
      const { deliveredBody, isBase64Encoded, request } = event.normalized;
      if (deliveredBody === undefined) return;
      request.rawBody = isBase64Encoded
        ? Buffer.from(deliveredBody, 'base64').toString('utf8')
        : deliveredBody;
    },
  };
}
