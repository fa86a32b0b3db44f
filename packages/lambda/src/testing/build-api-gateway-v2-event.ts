import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { HttpEventInput } from './http-event-input';

/** Builds an API Gateway HTTP API (v2 payload) event, as the purple gateway delivers it. */
export function buildApiGatewayV2Event(input: HttpEventInput): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [name, value] of Object.entries(input.headers ?? {})) {
    if (name.toLowerCase() === 'cookie') cookies.push(...value.split(';').map((c) => c.trim()));
    else headers[name.toLowerCase()] = value;
  }
  const search = new URLSearchParams();
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.query ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) search.append(name, v);
    query[name] = values.join(',');
  }
  const stage = input.stage ?? '$default';
  const rawPath = stage === '$default' ? input.path : `/${stage}${input.path}`;
  const now = new Date();
  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey: input.route ? `${input.method} ${input.route}` : '$default',
    rawPath,
    rawQueryString: search.toString(),
    headers,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: input.method,
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: input.sourceIp ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: input.requestId ?? randomUUID(),
      routeKey: input.route ? `${input.method} ${input.route}` : '$default',
      stage,
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
    isBase64Encoded: input.base64 === true,
  };
  if (cookies.length > 0) event.cookies = cookies;
  if (Object.keys(query).length > 0) event.queryStringParameters = query;
  if (input.pathParams) event.pathParameters = input.pathParams;
  if (input.body !== undefined) {
    event.body = input.base64 ? Buffer.from(input.body, 'utf8').toString('base64') : input.body;
  }
  return event;
}
