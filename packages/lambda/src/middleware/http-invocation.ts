import type { MiddlewareObj, Request } from '@middy/core';
import type { Context } from 'aws-lambda';
import type { HttpResult } from '../http/http-result';
import type { NormalizedHttpEvent } from '../http/normalize-http-event';
import type { Logger } from '../logging/logger';

/** The state of one HTTP invocation, shared by the middlewares of the stack. */
export interface HttpInvocation {
  /** The request, filled in step by step (request id, raw body, parsed body). */
  normalized: NormalizedHttpEvent;
  /** Bound to the request id once known. */
  logger: Logger;
  /** `performance.now()` at the start, for the duration in the access log. */
  startedAt: number;
  /** The error code of a failed request, for the access log. */
  errorCode?: string;
  /** The message of a 4xx error (safe: it is what the caller sees), for the access log. */
  errorMessage?: string;
}

/** A middy request of the HTTP stack. */
export type HttpMiddyRequest = Request<HttpInvocation, HttpResult, unknown, Context>;

/** A middleware of the HTTP stack. */
export type HttpMiddleware = MiddlewareObj<HttpInvocation, HttpResult, unknown, Context>;
