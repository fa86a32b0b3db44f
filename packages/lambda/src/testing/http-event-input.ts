/** A plain description of an HTTP request, turned into API Gateway events by the builders. */
export interface HttpEventInput {
  method: string;
  /** Path without query string, e.g. `/payment`. */
  path: string;
  /** Route template, e.g. `/tx/payment/{paymentId}`; defaults to the path. */
  route?: string;
  headers?: Record<string, string>;
  /** Query parameters; an array value repeats the parameter. */
  query?: Record<string, string | string[]>;
  pathParams?: Record<string, string>;
  body?: string;
  /** Send the body base64-encoded, as API Gateway does for binary media types. */
  base64?: boolean;
  sourceIp?: string;
  /** API Gateway's request id; random when omitted. */
  requestId?: string;
  /** API Gateway stage; `$default` (v2) / `prod` (v1) when omitted. */
  stage?: string;
}
