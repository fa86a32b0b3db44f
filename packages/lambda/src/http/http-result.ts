/**
 * What an HTTP handler returns; valid as both an API Gateway REST (v1) and HTTP API (v2)
 * proxy result (the stack moves `cookies` into `Set-Cookie` headers for v1).
 */
export interface HttpResult {
  statusCode: number;
  headers?: Record<string, string>;
  /** The body, already serialized. */
  body?: string;
  isBase64Encoded?: boolean;
  /** `Set-Cookie` values. */
  cookies?: string[];
}
