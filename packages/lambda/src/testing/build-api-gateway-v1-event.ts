import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { HttpEventInput } from './http-event-input';

/** Builds an API Gateway REST API (v1 payload) proxy event, as the green gateway delivers it. */
export function buildApiGatewayV1Event(input: HttpEventInput): APIGatewayProxyEvent {
  const headers = input.headers ?? {};
  const multiQuery: Record<string, string[]> = {};
  const singleQuery: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.query ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    multiQuery[name] = values;
    singleQuery[name] = values[values.length - 1] ?? '';
  }
  const hasQuery = Object.keys(singleQuery).length > 0;
  const stage = input.stage ?? 'prod';
  const body =
    input.body === undefined
      ? null
      : input.base64
        ? Buffer.from(input.body, 'utf8').toString('base64')
        : input.body;
  const requestId = input.requestId ?? randomUUID();
  return {
    resource: input.route ?? input.path,
    path: input.path,
    httpMethod: input.method,
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    queryStringParameters: hasQuery ? singleQuery : null,
    multiValueQueryStringParameters: hasQuery ? multiQuery : null,
    pathParameters: input.pathParams ?? null,
    stageVariables: null,
    body,
    isBase64Encoded: input.base64 === true,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      authorizer: undefined,
      protocol: 'HTTP/1.1',
      httpMethod: input.method,
      identity: {
        accessKey: null,
        accountId: null,
        apiKey: null,
        apiKeyId: null,
        caller: null,
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: input.sourceIp ?? '127.0.0.1',
        user: null,
        userAgent: headers['user-agent'] ?? null,
        userArn: null,
      },
      path: `/${stage}${input.path}`,
      stage,
      requestId,
      requestTimeEpoch: Date.now(),
      resourceId: 'local',
      resourcePath: input.route ?? input.path,
    },
  };
}
