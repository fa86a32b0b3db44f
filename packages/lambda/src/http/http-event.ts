import type { APIGatewayProxyEvent, APIGatewayProxyEventV2 } from 'aws-lambda';

/** An API Gateway proxy event: REST API (v1, the green gateway) or HTTP API (v2, purple). */
export type HttpEvent = APIGatewayProxyEvent | APIGatewayProxyEventV2;

/** True for an HTTP API (payload format 2.0) event. */
export function isHttpApiEvent(event: HttpEvent): event is APIGatewayProxyEventV2 {
  return 'version' in event && event.version === '2.0';
}
