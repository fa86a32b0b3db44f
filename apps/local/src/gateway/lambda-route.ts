/** Which local gateway serves a route: green = REST API v1 (mTLS), purple = HTTP API v2. */
export type GatewayName = 'green' | 'purple';

/** A Lambda function declared in serverless.yml, resolved to a local module. */
export interface LambdaFunction {
  /** The key under `functions` (e.g. `paymentSession`). */
  name: string;
  /** The `handler` string as written (`apps/green/src/handlers/payment-session.handler`). */
  handler: string;
  /** Absolute path of the module without extension. */
  modulePath: string;
  /** Name of the exported handler function (`handler`). */
  exportName: string;
  /** Timeout in seconds (function `timeout`, else `provider.timeout`, else 6). */
  timeoutSeconds: number;
  /** Memory in MB (function `memorySize`, else `provider.memorySize`, else 1024). */
  memorySize: number;
  /** The function's events as written (schedule, sqs, http, httpApi, ...). */
  events: unknown[];
}

/** One HTTP route: a method + path template bound to a function on one gateway. */
export interface LambdaRoute {
  /** `green` for `http` (REST v1) events, `purple` for `httpApi` (HTTP API v2) events. */
  gateway: GatewayName;
  /** Upper-case method, or `ANY`. */
  method: string;
  /** Path template with a leading slash: `/tx/{kind}/{recordId}`, `/portal/{proxy+}`. */
  path: string;
  /** The target function. */
  fn: LambdaFunction;
}
