import * as z from 'zod';

/** An HTTP response ready to be written by a gateway. */
export interface GatewayResponse {
  statusCode: number;
  /** Header name → values (several values become several header lines). */
  headers: Record<string, string[]>;
  body: Buffer;
}

const headerScalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);

const proxyResultSchema = z.object({
  statusCode: z.number().int().min(100).max(599),
  headers: z.record(z.string(), headerScalar).nullish(),
  multiValueHeaders: z.record(z.string(), z.array(headerScalar)).nullish(),
  cookies: z.array(z.string()).nullish(),
  body: z.string().nullish(),
  isBase64Encoded: z.boolean().nullish(),
});

/** Why a handler result could not become a response (API Gateway answers 502 then). */
export class MalformedLambdaResultError extends Error {}

/**
 * Converts a handler's return value to an HTTP response the way API Gateway does.
 * REST v1 needs `{ statusCode, headers?, multiValueHeaders?, body?, isBase64Encoded? }`;
 * HTTP API v2 also accepts `cookies` (→ `Set-Cookie` lines) and, for any value without a
 * `statusCode`, answers 200 with that value as a JSON body.
 * Throws {@link MalformedLambdaResultError} for results API Gateway would reject.
 */
export function toGatewayResponse(result: unknown, api: 'rest' | 'http'): GatewayResponse {
  const hasStatus = typeof result === 'object' && result !== null && 'statusCode' in result;
  if (api === 'http' && !hasStatus) {
    const body = typeof result === 'string' ? result : (JSON.stringify(result) ?? '');
    return {
      statusCode: 200,
      headers: { 'content-type': ['application/json'] },
      body: Buffer.from(body, 'utf8'),
    };
  }
  const parsed = proxyResultSchema.safeParse(result);
  if (!parsed.success) {
    throw new MalformedLambdaResultError(
      `Malformed Lambda proxy response: ${z.prettifyError(parsed.error)}`,
    );
  }
  const value = parsed.data;
  const headers: Record<string, string[]> = {};
  const nameOf = new Map<string, string>();
  const add = (name: string, values: string[]) => {
    const key = nameOf.get(name.toLowerCase()) ?? name;
    nameOf.set(name.toLowerCase(), key);
    headers[key] = [...(headers[key] ?? []), ...values];
  };
  for (const [name, values] of Object.entries(value.multiValueHeaders ?? {})) add(name, values);
  for (const [name, headerValue] of Object.entries(value.headers ?? {})) {
    const key = nameOf.get(name.toLowerCase());
    // A name in both maps: API Gateway keeps the multi-value entries and adds a distinct single value.
    if (key && headers[key]?.includes(headerValue)) continue;
    add(name, [headerValue]);
  }
  if (api === 'http' && value.cookies && value.cookies.length > 0) add('Set-Cookie', value.cookies);
  const text = value.body ?? '';
  return {
    statusCode: value.statusCode,
    headers,
    body: value.isBase64Encoded ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8'),
  };
}
