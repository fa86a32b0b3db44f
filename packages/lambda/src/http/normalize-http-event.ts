import type { APIGatewayProxyEvent, APIGatewayProxyEventV2 } from 'aws-lambda';
import { isHttpApiEvent, type HttpEvent } from './http-event';
import type { HttpRequest } from './http-request';
import { parseCookieHeader } from './parse-cookie-header';

/** An event reduced to one shape; the body is still as API Gateway delivered it. */
export interface NormalizedHttpEvent {
  /** Which API Gateway payload format the event used. */
  format: 'v1' | 'v2';
  /** The request, with `rawBody` empty, `body` undefined and `requestId` not yet chosen. */
  request: HttpRequest;
  /** The body as delivered (maybe base64). */
  deliveredBody: string | undefined;
  isBase64Encoded: boolean;
  /** API Gateway's own request id. */
  gatewayRequestId: string | undefined;
}

function definedEntries(record: Record<string, string | undefined> | null | undefined) {
  return Object.entries(record ?? {}).filter((entry): entry is [string, string] => {
    return entry[1] !== undefined;
  });
}

function lowerCaseHeaders(
  single: Record<string, string | undefined> | null | undefined,
  multi: Record<string, string[] | undefined> | null | undefined,
): Record<string, string> {
  const headers = new Map<string, string>();
  for (const [name, values] of Object.entries(multi ?? {})) {
    if (!values || values.length === 0) continue;
    const key = name.toLowerCase();
    headers.set(key, values.join(key === 'cookie' ? '; ' : ', '));
  }
  for (const [name, value] of definedEntries(single)) {
    const key = name.toLowerCase();
    if (!headers.has(key)) headers.set(key, value);
  }
  return Object.fromEntries(headers);
}

function fromRestApi(event: APIGatewayProxyEvent): NormalizedHttpEvent {
  const headers = lowerCaseHeaders(event.headers, event.multiValueHeaders);
  const multiQuery = event.multiValueQueryStringParameters ?? {};
  const queryEntries: [string, string][] = [];
  const search = new URLSearchParams();
  const seen = new Set<string>();
  for (const [name, values] of Object.entries(multiQuery)) {
    if (!values) continue;
    seen.add(name);
    queryEntries.push([name, values.join(',')]);
    for (const value of values) search.append(name, value);
  }
  for (const [name, value] of definedEntries(event.queryStringParameters)) {
    if (seen.has(name)) continue;
    queryEntries.push([name, value]);
    search.append(name, value);
  }
  return {
    format: 'v1',
    request: {
      method: event.httpMethod.toUpperCase(),
      path: event.path,
      rawPath: event.requestContext?.path ?? event.path,
      route: event.resource || event.path,
      headers,
      query: Object.fromEntries(queryEntries),
      rawQueryString: search.toString(),
      pathParams: Object.fromEntries(definedEntries(event.pathParameters)),
      rawBody: '',
      body: undefined,
      cookies: headers.cookie ? parseCookieHeader([headers.cookie]) : {},
      requestId: '',
      sourceIp: event.requestContext?.identity?.sourceIp ?? '',
    },
    deliveredBody: event.body ?? undefined,
    isBase64Encoded: event.isBase64Encoded === true,
    gatewayRequestId: event.requestContext?.requestId,
  };
}

function fromHttpApi(event: APIGatewayProxyEventV2): NormalizedHttpEvent {
  const headers = lowerCaseHeaders(event.headers, undefined);
  const stage = event.requestContext.stage;
  const stagePrefix = stage && stage !== '$default' ? `/${stage}` : '';
  const rawPath = event.rawPath;
  const path =
    stagePrefix && (rawPath === stagePrefix || rawPath.startsWith(`${stagePrefix}/`))
      ? rawPath.slice(stagePrefix.length) || '/'
      : rawPath;
  const routeKey = event.routeKey;
  const route = routeKey && routeKey !== '$default' ? routeKey.replace(/^\S+\s+/, '') : path;
  const cookieValues = [...(event.cookies ?? []), ...(headers.cookie ? [headers.cookie] : [])];
  return {
    format: 'v2',
    request: {
      method: event.requestContext.http.method.toUpperCase(),
      path,
      rawPath,
      route,
      headers,
      query: Object.fromEntries(definedEntries(event.queryStringParameters)),
      rawQueryString: event.rawQueryString ?? '',
      pathParams: Object.fromEntries(definedEntries(event.pathParameters)),
      rawBody: '',
      body: undefined,
      cookies: parseCookieHeader(cookieValues),
      requestId: '',
      sourceIp: event.requestContext.http.sourceIp ?? '',
    },
    deliveredBody: event.body ?? undefined,
    isBase64Encoded: event.isBase64Encoded === true,
    gatewayRequestId: event.requestContext.requestId,
  };
}

/** Reduces a REST API (v1) or HTTP API (v2) event to one {@link NormalizedHttpEvent}. */
export function normalizeHttpEvent(event: HttpEvent): NormalizedHttpEvent {
  return isHttpApiEvent(event) ? fromHttpApi(event) : fromRestApi(event);
}
