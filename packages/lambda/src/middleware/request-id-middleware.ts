import { randomUUID } from 'node:crypto';
import type { HttpMiddleware } from './http-invocation';

// Only ids that are safe to echo in headers and logs are trusted.
const SAFE_ID = /^[\w.:-]{1,128}$/;

/**
 * First step: the request id is Shopify's `Shopify-Request-Id` when present (so logs join
 * Shopify's), else API Gateway's request id, else a random UUID.
 */
export function requestIdMiddleware(): HttpMiddleware {
  return {
    before: ({ event }) => {
      const { normalized } = event;
      const candidates = [
        normalized.request.headers['shopify-request-id'],
        normalized.gatewayRequestId,
      ];
      normalized.request.requestId =
        candidates.find((id): id is string => id !== undefined && SAFE_ID.test(id)) ?? randomUUID();
    },
  };
}
