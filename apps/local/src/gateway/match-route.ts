import { tryDecodeUriComponent } from '@solpay/lambda';
import type { LambdaRoute } from './lambda-route';

/** A route chosen for a request, with its decoded path parameters. */
export interface RouteMatch {
  route: LambdaRoute;
  /** Decoded values of `{param}` / `{proxy+}` segments; empty when the template has none. */
  pathParameters: Record<string, string>;
}

type Segment =
  | { kind: 'static'; value: string }
  | { kind: 'param'; name: string }
  | { kind: 'greedy'; name: string };

const compiled = new WeakMap<LambdaRoute, Segment[]>();

function segmentsOf(route: LambdaRoute): Segment[] {
  let segments = compiled.get(route);
  if (!segments) {
    segments = splitPath(route.path).map((part): Segment => {
      const greedy = /^\{(\w+)\+\}$/.exec(part);
      if (greedy?.[1]) return { kind: 'greedy', name: greedy[1] };
      const param = /^\{(\w+)\}$/.exec(part);
      if (param?.[1]) return { kind: 'param', name: param[1] };
      return { kind: 'static', value: part };
    });
    compiled.set(route, segments);
  }
  return segments;
}

function splitPath(path: string): string[] {
  return path.split('/').filter((part) => part !== '');
}

// API Gateway hands an undecodable segment on as sent; the handler's stack answers it 400.
const decode = (part: string): string => tryDecodeUriComponent(part) ?? part;

function matchPath(segments: Segment[], parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (const [index, segment] of segments.entries()) {
    if (segment.kind === 'greedy') {
      const rest = parts.slice(index);
      if (rest.length === 0) return undefined;
      params[segment.name] = rest.map(decode).join('/');
      return params;
    }
    const part = parts[index];
    if (part === undefined) return undefined;
    if (segment.kind === 'static' && segment.value !== decode(part)) return undefined;
    if (segment.kind === 'param') params[segment.name] = decode(part);
  }
  return segments.length === parts.length ? params : undefined;
}

// Static beats {param} beats {proxy+}, segment by segment from the left, as API Gateway does.
function specificity(segments: Segment[]): number[] {
  return segments.map((s) => (s.kind === 'static' ? 2 : s.kind === 'param' ? 1 : 0));
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const diff = (b[i] ?? -1) - (a[i] ?? -1);
    if (diff !== 0) return diff;
  }
  return 0;
}

/**
 * Finds the route for `method` and `rawPath` (no query string) among `routes`: the most
 * specific path template wins, and an exact method wins over `ANY`. Returns undefined when
 * no route matches (API Gateway answers 404 / 403 then).
 */
export function matchRoute(
  routes: readonly LambdaRoute[],
  method: string,
  rawPath: string,
): RouteMatch | undefined {
  const parts = splitPath(rawPath);
  const upper = method.toUpperCase();
  const candidates: Array<RouteMatch & { rank: number[] }> = [];
  for (const route of routes) {
    if (route.method !== upper && route.method !== 'ANY') continue;
    const segments = segmentsOf(route);
    const pathParameters = matchPath(segments, parts);
    if (!pathParameters) continue;
    candidates.push({
      route,
      pathParameters,
      rank: [...specificity(segments), route.method === 'ANY' ? 0 : 1],
    });
  }
  candidates.sort((a, b) => compare(a.rank, b.rank));
  const best = candidates[0];
  return best && { route: best.route, pathParameters: best.pathParameters };
}
