import * as z from 'zod';
import type { GatewayName, LambdaFunction, LambdaRoute } from './lambda-route';
import { loadServerlessFunctions } from './load-serverless-functions';

const endpointObject = z
  .object({ method: z.string().min(1), path: z.string().min(1) })
  .loose()
  .transform(({ method, path }) => ({ method, path }));

// Serverless also accepts the shorthand `http: GET /path`.
const endpointString = z
  .string()
  .regex(/^\S+\s+\S+$/, { error: 'must look like "METHOD /path"' })
  .transform((text) => {
    const [method = '', path = ''] = text.split(/\s+/);
    return { method, path };
  });

const endpoint = z.union([endpointObject, endpointString]);

const httpEvent = z.object({ http: endpoint }).loose();
const httpApiEvent = z.object({ httpApi: endpoint }).loose();

/**
 * The HTTP routes of serverless.yml: `http` events (REST API v1) become green routes and
 * `httpApi` events (HTTP API v2) purple routes. Other events (schedule, sqs) are skipped.
 */
export function loadServerlessRoutes(serverlessYmlPath: string): LambdaRoute[] {
  return routesOf(loadServerlessFunctions(serverlessYmlPath));
}

/** The HTTP routes of already loaded functions (see {@link loadServerlessRoutes}). */
export function routesOf(functions: LambdaFunction[]): LambdaRoute[] {
  const routes: LambdaRoute[] = [];
  for (const fn of functions) {
    for (const event of fn.events) {
      const rest = httpEvent.safeParse(event);
      const httpApi = httpApiEvent.safeParse(event);
      if (rest.success) routes.push(toRoute('green', rest.data.http, fn));
      else if (httpApi.success) routes.push(toRoute('purple', httpApi.data.httpApi, fn));
      else if (isObject(event) && ('http' in event || 'httpApi' in event)) {
        throw new Error(`Function ${fn.name} has an HTTP event without method and path`);
      }
    }
  }
  return routes;
}

function toRoute(
  gateway: GatewayName,
  endpoint: { method: string; path: string },
  fn: LambdaFunction,
): LambdaRoute {
  const upper = endpoint.method.toUpperCase();
  const method = upper === '*' ? 'ANY' : upper;
  const path = endpoint.path.startsWith('/') ? endpoint.path : `/${endpoint.path}`;
  return { gateway, method, path: path.length > 1 ? path.replace(/\/+$/, '') : path, fn };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
