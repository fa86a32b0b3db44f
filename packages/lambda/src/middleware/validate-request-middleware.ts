import type * as z from 'zod';
import { toValidationError, type RequestPart } from '../http/to-validation-error';
import type { HttpMiddleware } from './http-invocation';

/** The zod schemas of a route; each part without one is left as it is. */
export interface RequestSchemas {
  path?: z.ZodType;
  query?: z.ZodType;
  headers?: z.ZodType;
  body?: z.ZodType;
}

const FIELD_OF_PART = {
  path: 'pathParams',
  query: 'query',
  headers: 'headers',
  body: 'body',
} as const satisfies Record<RequestPart, string>;

/**
 * Validates path parameters, query, headers and body (in that order) with the route's
 * schemas and replaces each with the schema's output. The first failure is a 400
 * `VALIDATION_FAILED` naming the failing field.
 */
export function validateRequestMiddleware(schemas: RequestSchemas): HttpMiddleware {
  const parts = (Object.keys(FIELD_OF_PART) as RequestPart[]).filter((part) => schemas[part]);
  return {
    before: async ({ event }) => {
      const request = event.normalized.request as unknown as Record<string, unknown>;
      for (const part of parts) {
        const field = FIELD_OF_PART[part];
        const result = await schemas[part]!.safeParseAsync(request[field]);
        if (!result.success) throw toValidationError(result.error, part);
        request[field] = result.data;
      }
    },
  };
}
