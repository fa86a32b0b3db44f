import { randomUUID } from 'node:crypto';
import { buildApiGatewayV1Event, buildApiGatewayV2Event } from '@solpay/lambda';
import type { LambdaFunction, StackFile } from '../../apps/local/src/index';
import { paymentSessionBody, shopifySessionHeaders } from '../http/payment-session-body';

interface HttpEventSpec {
  method: string;
  path: string;
}

function httpSpec(events: unknown[], key: 'http' | 'httpApi'): HttpEventSpec | undefined {
  for (const event of events) {
    const spec = (event as Record<string, unknown>)[key] as Record<string, unknown> | undefined;
    if (spec && typeof spec.path === 'string' && typeof spec.method === 'string') {
      return { method: spec.method.toUpperCase(), path: spec.path };
    }
  }
  return undefined;
}

/**
 * A realistic first event for a function, from its first serverless.yml event: an API Gateway
 * REST (v1) or HTTP API (v2) request (`POST /payment` gets a valid Shopify session, so it
 * inserts; other routes get an unknown record id or an unauthenticated call), an EventBridge
 * schedule tick (one poll run: `loopSeconds: 0`), an empty SQS batch, or a retry input for an unknown mutation.
 */
export function coldStartEvent(
  fn: LambdaFunction,
  stack: StackFile,
  appEnv: Record<string, string>,
): unknown {
  const rest = httpSpec(fn.events, 'http');
  const api = httpSpec(fn.events, 'httpApi');
  const spec = rest ?? api;
  if (spec) {
    const pathParams: Record<string, string> = {};
    const path = spec.path.replace(/\{([^}+]+)\+?\}/g, (_m, name: string) => {
      const value = name === 'kind' ? 'payment' : name === 'proxy' ? 'me' : randomUUID();
      pathParams[name] = value;
      return value;
    });
    const method = spec.method === '*' || spec.method === 'ANY' ? 'GET' : spec.method;
    let headers: Record<string, string> = {};
    let body: string | undefined;
    if (path === '/payment') {
      headers = shopifySessionHeaders(stack.demoShop, stack.shopify.apiVersion);
      body = JSON.stringify(paymentSessionBody());
    } else if (path === '/webhooks/helius') {
      headers = {
        'content-type': 'application/json',
        authorization: appEnv.HELIUS_WEBHOOK_SECRET ?? '',
      };
      body = '[]';
    } else if (method === 'POST') {
      headers = { 'content-type': 'application/json' };
      body = '{}';
    }
    const input = {
      method,
      path,
      route: spec.path,
      headers,
      pathParams,
      ...(body ? { body } : {}),
    };
    return rest ? buildApiGatewayV1Event(input) : buildApiGatewayV2Event(input);
  }
  const kinds = fn.events.map((event) => Object.keys(event as object)[0]);
  if (kinds.includes('schedule')) {
    return {
      version: '0',
      id: randomUUID(),
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: '000000000000',
      time: new Date().toISOString(),
      region: 'us-east-1',
      resources: [],
      detail: {},
      // A scheduled discovery poll keeps polling (every 3 s, up to 45 s) while served
      // transactions are pending, because EventBridge ticks only once a minute. Timed whole,
      // that loop made "first response" 9 s whenever an earlier suite left payments pending;
      // the cold start is the load plus one poll run, so ask for exactly one.
      loopSeconds: 0,
    };
  }
  if (kinds.includes('sqs')) return { Records: [] };
  // A Step Functions task (mutationRetry): one attempt at a mutation that does not exist.
  return { mutationId: randomUUID(), attempt: 1, delaySeconds: 0, dueAt: new Date().toISOString() };
}
