import type { APIGatewayProxyResult, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { HttpResult } from './http-result';

/**
 * Converts an {@link HttpResult} into the result format of the event's API: for REST API (v1)
 * the `cookies` become `Set-Cookie` multi-value headers and the body is always a string.
 */
export function toApiGatewayResult(
  result: HttpResult,
  format: 'v1' | 'v2',
): APIGatewayProxyResult | APIGatewayProxyStructuredResultV2 {
  if (format === 'v2') return result;
  const converted: APIGatewayProxyResult = {
    statusCode: result.statusCode,
    headers: result.headers ?? {},
    body: result.body ?? '',
  };
  if (result.isBase64Encoded !== undefined) converted.isBase64Encoded = result.isBase64Encoded;
  if (result.cookies && result.cookies.length > 0) {
    converted.multiValueHeaders = { 'set-cookie': result.cookies };
  }
  return converted;
}
