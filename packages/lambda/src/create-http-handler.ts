import type { APIGatewayProxyResult, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod';
import { readConfig } from './config/read-config';
import type { RuntimeConfig } from './config/sections/runtime-section';
import type { HttpEvent } from './http/http-event';
import type { HttpRequest } from './http/http-request';
import type { HttpResult } from './http/http-result';
import { normalizeHttpEvent } from './http/normalize-http-event';
import { toApiGatewayResult } from './http/to-api-gateway-result';
import { toHttpResponse } from './http/to-http-response';
import { createLogger, type Logger, type LogWrite } from './logging/logger';
import {
  authenticateMiddleware,
  type HttpAuthenticate,
} from './middleware/authenticate-middleware';
import { bodySizeLimitMiddleware } from './middleware/body-size-limit-middleware';
import { corsMiddleware, type CorsPolicy } from './middleware/cors-middleware';
import { errorMapperMiddleware } from './middleware/error-mapper-middleware';
import type { HttpInvocation, HttpMiddleware } from './middleware/http-invocation';
import { jsonBodyMiddleware } from './middleware/json-body-middleware';
import { percentEncodingMiddleware } from './middleware/percent-encoding-middleware';
import { loadMiddy } from './middleware/load-middy';
import { rawBodyMiddleware } from './middleware/raw-body-middleware';
import { requestIdMiddleware } from './middleware/request-id-middleware';
import { logAccess, requestLoggerMiddleware } from './middleware/request-logger-middleware';
import { validateRequestMiddleware } from './middleware/validate-request-middleware';
import { reportError } from './sentry/report-error';
import { withSentry } from './sentry/with-sentry';

/** Default body limit: 256 KiB. */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

/** Options of {@link createHttpHandler}. */
export interface HttpHandlerOptions<TBody, TQuery, TPath, THeaders> {
  /** Handler name, in logs and error reports. */
  name: string;
  bodySchema?: z.ZodType<TBody>;
  querySchema?: z.ZodType<TQuery>;
  pathSchema?: z.ZodType<TPath>;
  /** Receives lower-cased header names; use a loose object to keep the other headers. */
  headersSchema?: z.ZodType<THeaders>;
  /** Larger bodies get 413. Default 256 KiB. */
  maxBodyBytes?: number;
  /** Non-empty POST/PUT/PATCH bodies must be JSON (else 415). Default true. */
  requireJson?: boolean;
  /**
   * Checks credentials on the raw request (headers, exact body text) after the size limit and
   * BEFORE JSON parsing and validation; throw an error of the error table (typically `AuthenticationFailedError`) to
   * refuse. A request with bad credentials thus gets 401 whatever its body.
   */
  authenticate?: HttpAuthenticate;
  /** CORS policy; without one, no CORS headers and no preflight handling. */
  cors?: CorsPolicy;
  /** Runtime settings; read from the environment (once) when omitted. */
  runtime?: RuntimeConfig;
  /** Log line sink; stdout when omitted. */
  logWrite?: LogWrite;
}

/** What a handler gets besides the request. */
export interface HttpHandlerTools {
  /** Bound to the request id and handler name. */
  logger: Logger;
  /** The Lambda context. */
  context: Context;
}

/** The business function behind an HTTP route. */
export type HttpHandlerFunction<TBody, TQuery, TPath, THeaders> = (
  request: HttpRequest<TBody, TQuery, TPath, THeaders>,
  tools: HttpHandlerTools,
) => Promise<HttpResult>;

/** An API Gateway (REST v1 or HTTP API v2) Lambda handler. */
export type HttpLambdaHandler = (
  event: HttpEvent,
  context: Context,
) => Promise<APIGatewayProxyResult | APIGatewayProxyStructuredResultV2>;

/**
 * Builds the Lambda handler of one HTTP route on the one middy stack: request id → logger →
 * CORS preflight → malformed percent-escape in path or query (400) → size limit (413) → raw body → `authenticate` (401) → JSON parse (415/400) →
 * zod validation (400) → `fn` → CORS headers → error mapping (`{ code, message }`; 5xx hidden, logged with stack and
 * reported to Sentry). Works for REST API (v1) and HTTP API (v2) events.
 */
export function createHttpHandler<
  TBody = unknown,
  TQuery = Record<string, string>,
  TPath = Record<string, string>,
  THeaders = Record<string, string>,
>(
  options: HttpHandlerOptions<TBody, TQuery, TPath, THeaders>,
  fn: HttpHandlerFunction<TBody, TQuery, TPath, THeaders>,
): HttpLambdaHandler {
  const runtime = options.runtime ?? readConfig(['runtime']).runtime;
  const baseLogger = createLogger({
    service: runtime.serviceName,
    level: runtime.logLevel,
    fields: { handler: options.name },
    ...(options.logWrite ? { write: options.logWrite } : {}),
  });

  // Registration order matters: `before`s run in this order, `after`s and `onError`s in
  // reverse, so errors are mapped first, then get CORS headers.
  const stack: HttpMiddleware[] = [
    requestIdMiddleware(),
    requestLoggerMiddleware({
      service: runtime.serviceName,
      level: runtime.logLevel,
      handler: options.name,
      ...(options.logWrite ? { write: options.logWrite } : {}),
    }),
    ...(options.cors ? [corsMiddleware(options.cors)] : []),
    errorMapperMiddleware(options.name),
    percentEncodingMiddleware(),
    bodySizeLimitMiddleware(options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES),
    rawBodyMiddleware(),
    ...(options.authenticate ? [authenticateMiddleware(options.authenticate)] : []),
    jsonBodyMiddleware(options.requireJson ?? true),
    validateRequestMiddleware({
      ...(options.pathSchema ? { path: options.pathSchema } : {}),
      ...(options.querySchema ? { query: options.querySchema } : {}),
      ...(options.headersSchema ? { headers: options.headersSchema } : {}),
      ...(options.bodySchema ? { body: options.bodySchema } : {}),
    }),
  ];

  const businessHandler = async (invocation: HttpInvocation, context: Context) => {
    const result = await fn(
      invocation.normalized.request as HttpRequest<TBody, TQuery, TPath, THeaders>,
      { logger: invocation.logger, context },
    );
    const headers = { ...result.headers, 'x-request-id': invocation.normalized.request.requestId };
    return { ...result, headers };
  };
  // Built at cold start; awaited by the first invocation.
  const stackReady = loadMiddy().then((middy) =>
    middy<HttpInvocation, HttpResult, unknown, Context>(businessHandler, {
      requestEnd: (request) => logAccess(request as Parameters<typeof logAccess>[0]),
    }).use(stack),
  );
  stackReady.catch(() => undefined); // surfaced by the first invocation instead

  const handler = async (event: HttpEvent, context: Context) => {
    let format: 'v1' | 'v2' = 'version' in event && event.version === '2.0' ? 'v2' : 'v1';
    try {
      const normalized = normalizeHttpEvent(event);
      format = normalized.format;
      const invocation: HttpInvocation = {
        normalized,
        logger: baseLogger,
        startedAt: performance.now(),
      };
      const stacked = await stackReady;
      return toApiGatewayResult(await stacked(invocation, context), format);
    } catch (error) {
      // Only reached if the stack itself failed (e.g. an event of the wrong shape).
      const requestId = context?.awsRequestId ?? 'unknown';
      baseLogger.error('request failed outside the stack', { error, requestId });
      reportError(error, { requestId, handler: options.name });
      return toApiGatewayResult(toHttpResponse(error, { requestId }), format);
    }
  };

  return withSentry(handler, runtime);
}
