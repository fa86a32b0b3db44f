/**
 * One HTTP request, the same for REST API (v1) and HTTP API (v2) events. `body`, `query`,
 * `pathParams` and `headers` hold the outputs of the route's zod schemas when it has them.
 */
export interface HttpRequest<
  TBody = unknown,
  TQuery = Record<string, string>,
  TPath = Record<string, string>,
  THeaders = Record<string, string>,
> {
  /** Upper-case method. */
  method: string;
  /** Path as the route sees it (without an API Gateway stage prefix). */
  path: string;
  /** Path exactly as received (may include the stage). */
  rawPath: string;
  /** The route template (`/tx/payment/{paymentId}`), or the path when there is none. */
  route: string;
  /** Headers with lower-cased names; repeated headers joined with `, `. */
  headers: THeaders;
  /** Decoded query parameters; repeated ones joined with `,`. */
  query: TQuery;
  /** The query string as received, without `?`. */
  rawQueryString: string;
  pathParams: TPath;
  /** The body exactly as sent (base64-decoded when API Gateway encoded it), for HMACs. */
  rawBody: string;
  /** The parsed (JSON) and validated body; `undefined` when empty. */
  body: TBody;
  /** Request cookies by name. */
  cookies: Record<string, string>;
  /** `Shopify-Request-Id` when present, else API Gateway's request id, else a random one. */
  requestId: string;
  sourceIp: string;
}
