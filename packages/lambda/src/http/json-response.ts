import type { HttpResult } from './http-result';

/** `JSON.stringify` replacer writing bigints (token amounts) as decimal strings. */
function bigintAsString(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/** A JSON {@link HttpResult}: `body` serialized (bigints as strings), JSON content type set. */
export function jsonResponse(
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): HttpResult {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body, bigintAsString),
  };
}
