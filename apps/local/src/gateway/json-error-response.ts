import type { GatewayResponse } from './lambda-result';

/** A gateway-generated JSON error `{ code, message }` (unknown route, body too large, ...). */
export function jsonErrorResponse(
  statusCode: number,
  code: string,
  message: string,
): GatewayResponse {
  return {
    statusCode,
    headers: { 'content-type': ['application/json; charset=utf-8'] },
    body: Buffer.from(JSON.stringify({ code, message }), 'utf8'),
  };
}
