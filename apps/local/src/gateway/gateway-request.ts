import type { ClientCertInfo } from './client-cert-info';

/** What a gateway received, before it becomes an API Gateway event. */
export interface GatewayRequest {
  /** Upper-case HTTP method. */
  method: string;
  /** Path as sent (percent-encoding kept), without the query string. */
  rawPath: string;
  /** Query string as sent, without `?` (may be empty). */
  rawQueryString: string;
  /** Header names (as sent) and values, in order; repeated headers appear repeatedly. */
  rawHeaders: Array<[string, string]>;
  /** The request body bytes (empty when none). */
  body: Buffer;
  /** Client IP address (IPv4-mapped addresses unwrapped). */
  sourceIp: string;
  /** `HTTP/1.1` etc. */
  protocol: string;
  /** Host name the client addressed (Host header, without port). */
  domainName: string;
  /** When the gateway received the request. */
  receivedAt: Date;
  /** Unique id of this request (API Gateway's `requestId`, Lambda's `awsRequestId`). */
  requestId: string;
  /** The verified TLS client certificate (green, mTLS) as API Gateway describes it, if any. */
  clientCert?: ClientCertInfo;
}
