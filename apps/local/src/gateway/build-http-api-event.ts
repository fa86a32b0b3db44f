import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { encodeEventBody } from './body-encoding';
import type { GatewayIdentity } from './build-rest-api-event';
import { formatRequestTime } from './format-request-time';
import type { GatewayRequest } from './gateway-request';
import type { RouteMatch } from './match-route';
import { parseQueryString } from './parse-query-string';

/**
 * Builds the API Gateway **HTTP API (payload v2.0)** event for `request` routed by `match`:
 * header names lower-cased with repeated values joined by commas, the `cookie` header moved to
 * `cookies`, absent collections omitted, `rawPath`/`rawQueryString` as sent, and `routeKey`
 * naming the matched route (`GET /tx/{kind}/{recordId}`).
 */
export function buildHttpApiEvent(
  request: GatewayRequest,
  match: RouteMatch,
  identity: GatewayIdentity,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [rawName, value] of request.rawHeaders) {
    const name = rawName.toLowerCase();
    if (name === 'cookie') {
      cookies.push(
        ...value
          .split(';')
          .map((part) => part.trim())
          .filter((part) => part !== ''),
      );
      continue;
    }
    headers[name] = headers[name] === undefined ? value : `${headers[name]},${value}`;
  }
  headers['x-forwarded-for'] =
    headers['x-forwarded-for'] === undefined
      ? request.sourceIp
      : `${headers['x-forwarded-for']}, ${request.sourceIp}`;
  headers['x-forwarded-proto'] = 'https';
  headers['x-forwarded-port'] = /:(\d+)$/.exec(headers.host ?? '')?.[1] ?? '443';

  const query = parseQueryString(request.rawQueryString);
  const queryEntries = Object.entries(query);
  const routeKey = `${match.route.method} ${match.route.path}`;
  const certificate = request.clientCert;

  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey,
    rawPath: request.rawPath,
    rawQueryString: request.rawQueryString,
    headers,
    requestContext: {
      accountId: identity.accountId,
      apiId: identity.apiId,
      domainName: request.domainName,
      domainPrefix: request.domainName.split('.')[0] ?? request.domainName,
      http: {
        method: request.method,
        path: request.rawPath,
        protocol: request.protocol,
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: request.requestId,
      routeKey,
      stage: identity.stage,
      time: formatRequestTime(request.receivedAt),
      timeEpoch: request.receivedAt.getTime(),
      ...(certificate ? { authentication: { clientCert: certificate } } : {}),
    },
    isBase64Encoded: false,
  };
  if (cookies.length > 0) event.cookies = cookies;
  if (queryEntries.length > 0) {
    event.queryStringParameters = Object.fromEntries(
      queryEntries.map(([name, values]) => [name, values.join(',')]),
    );
  }
  if (Object.keys(match.pathParameters).length > 0) {
    event.pathParameters = { ...match.pathParameters };
  }
  if (request.body.length > 0) {
    const encoded = encodeEventBody(request.body, headers['content-type']);
    event.body = encoded.body;
    event.isBase64Encoded = encoded.isBase64Encoded;
  }
  return event;
}
