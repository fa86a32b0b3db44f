import type { APIGatewayProxyEvent } from 'aws-lambda';
import { encodeEventBody } from './body-encoding';
import { formatRequestTime } from './format-request-time';
import type { GatewayRequest } from './gateway-request';
import type { RouteMatch } from './match-route';
import { parseQueryString } from './parse-query-string';

/** Values that identify the local API in events (account, API id, stage). */
export interface GatewayIdentity {
  accountId: string;
  apiId: string;
  stage: string;
}

/**
 * Builds the API Gateway **REST API (v1) proxy** event for `request` routed by `match`:
 * headers keep the client's casing (last value wins in `headers`, all in `multiValueHeaders`),
 * empty collections are `null`, the body is UTF-8 text or base64 for binary media, and
 * `requestContext.identity.clientCert` carries the mTLS client certificate.
 */
export function buildRestApiEvent(
  request: GatewayRequest,
  match: RouteMatch,
  identity: GatewayIdentity,
): APIGatewayProxyEvent {
  // No prototype: a header named `constructor` or `__proto__` is just a name.
  const headers = Object.create(null) as Record<string, string>;
  const multiValueHeaders = Object.create(null) as Record<string, string[]>;
  const nameByLower = new Map<string, string>();
  const add = (rawName: string, value: string) => {
    const name = nameByLower.get(rawName.toLowerCase()) ?? rawName;
    nameByLower.set(name.toLowerCase(), name);
    headers[name] = value;
    (multiValueHeaders[name] ??= []).push(value);
  };
  for (const [name, value] of request.rawHeaders) {
    if (name.toLowerCase() === 'x-forwarded-for') continue;
    add(name, value);
  }
  const forwardedFor = request.rawHeaders
    .filter(([name]) => name.toLowerCase() === 'x-forwarded-for')
    .map(([, value]) => value);
  add('X-Forwarded-For', [...forwardedFor, request.sourceIp].join(', '));
  add('X-Forwarded-Proto', 'https');
  const host = headerValue(request, 'host') ?? '';
  add('X-Forwarded-Port', /:(\d+)$/.exec(host)?.[1] ?? '443');

  const query = parseQueryString(request.rawQueryString);
  const hasQuery = Object.keys(query).length > 0;
  const singleQuery = Object.fromEntries(
    Object.entries(query).map(([name, values]) => [name, values[values.length - 1] ?? '']),
  );
  const hasParams = Object.keys(match.pathParameters).length > 0;
  const encoded =
    request.body.length > 0
      ? encodeEventBody(request.body, headerValue(request, 'content-type'))
      : undefined;

  return {
    resource: match.route.path,
    path: request.rawPath,
    httpMethod: request.method,
    headers,
    multiValueHeaders,
    queryStringParameters: hasQuery ? singleQuery : null,
    multiValueQueryStringParameters: hasQuery ? query : null,
    pathParameters: hasParams ? { ...match.pathParameters } : null,
    stageVariables: null,
    requestContext: {
      accountId: identity.accountId,
      apiId: identity.apiId,
      authorizer: undefined,
      protocol: request.protocol,
      httpMethod: request.method,
      identity: {
        accessKey: null,
        accountId: null,
        apiKey: null,
        apiKeyId: null,
        caller: null,
        clientCert: request.clientCert ?? null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: request.sourceIp,
        user: null,
        userAgent: headerValue(request, 'user-agent') ?? null,
        userArn: null,
      },
      path: request.rawPath,
      stage: identity.stage,
      requestId: request.requestId,
      extendedRequestId: request.requestId,
      requestTime: formatRequestTime(request.receivedAt),
      requestTimeEpoch: request.receivedAt.getTime(),
      resourceId: match.route.fn.name,
      resourcePath: match.route.path,
      domainName: request.domainName,
      domainPrefix: request.domainName.split('.')[0] ?? request.domainName,
    },
    body: encoded?.body ?? null,
    isBase64Encoded: encoded?.isBase64Encoded ?? false,
  };
}

/** The last value of a header (case-insensitive), as API Gateway v1 keeps it. */
export function headerValue(request: GatewayRequest, name: string): string | undefined {
  const lower = name.toLowerCase();
  let found: string | undefined;
  for (const [key, value] of request.rawHeaders) if (key.toLowerCase() === lower) found = value;
  return found;
}
