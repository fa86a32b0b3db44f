import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { findRepositoryRoot } from '../stack/find-repository-root';
import { loadServerlessFunctions, resolveModuleFile } from './load-serverless-functions';
import { loadServerlessRoutes, routesOf } from './load-serverless-routes';

const fixture = join(__dirname, 'fixtures', 'serverless.yml');

describe('loadServerlessRoutes', () => {
  it('reads http events as green REST routes and httpApi events as purple routes', () => {
    const routes = loadServerlessRoutes(fixture).map(
      (r) => `${r.gateway} ${r.method} ${r.path} ${r.fn.name}`,
    );
    expect(routes).toEqual([
      'green POST /echo/{id} restEcho',
      'green GET /echo/static restEcho',
      'green ANY /any/{proxy+} restEcho',
      'green GET /throws restBroken',
      'green GET /malformed restMalformed',
      'purple GET /tx/{kind}/{recordId} httpEcho',
      'purple POST /tx/{kind}/{recordId} httpEcho',
      'purple ANY /portal/{proxy+} httpEcho',
      'purple GET /portal/session httpEcho',
      'purple GET /shorthand httpShorthand',
      'purple GET /cookies httpCookies',
      'green POST /overrun restOverrun',
      'purple POST /overrun httpOverrun',
    ]);
  });

  it('tolerates CloudFormation tags and resolves handlers, timeouts and memory', () => {
    const functions = loadServerlessFunctions(fixture);
    const queueOnly = functions.find((fn) => fn.name === 'queueOnly');
    expect(queueOnly?.events).toEqual([
      { sqs: { arn: { 'Fn::GetAtt': 'SomeQueue.Arn' } } },
      { schedule: 'rate(1 minute)' },
    ]);
    const echo = functions.find((fn) => fn.name === 'httpEcho');
    expect(echo).toMatchObject({
      modulePath: join(__dirname, 'fixtures', 'handlers', 'echo'),
      exportName: 'handler',
      timeoutSeconds: 3,
    });
    expect(functions.find((fn) => fn.name === 'restEcho')?.timeoutSeconds).toBe(5);
    expect(resolveModuleFile(echo!)).toBe(join(__dirname, 'fixtures', 'handlers', 'echo.ts'));
  });

  it('rejects an HTTP event without a path', () => {
    expect(() =>
      routesOf([
        {
          name: 'bad',
          handler: 'x.handler',
          modulePath: '/x',
          exportName: 'handler',
          timeoutSeconds: 6,
          memorySize: 1024,
          events: [{ http: { method: 'get' } }],
        },
      ]),
    ).toThrow(/bad has an HTTP event/);
  });

  it('gives every HTTP event of the real serverless.yml exactly one route', () => {
    const root = findRepositoryRoot();
    const functions = loadServerlessFunctions(join(root, 'serverless.yml'));
    const routes = loadServerlessRoutes(join(root, 'serverless.yml'));
    const expected = functions.flatMap((fn) =>
      fn.events.flatMap((event) => {
        const e = event as {
          http?: { method: string; path: string };
          httpApi?: { method: string; path: string };
        };
        const endpoint = e.http ?? e.httpApi;
        if (!endpoint) return [];
        const method = endpoint.method === '*' ? 'ANY' : endpoint.method.toUpperCase();
        return [`${e.http ? 'green' : 'purple'} ${method} ${endpoint.path} ${fn.name}`];
      }),
    );
    expect(routes.map((r) => `${r.gateway} ${r.method} ${r.path} ${r.fn.name}`)).toEqual(expected);
    expect(routes).toContainEqual(
      expect.objectContaining({ gateway: 'green', method: 'GET', path: '/health' }),
    );
    expect(routes).toContainEqual(
      expect.objectContaining({ gateway: 'purple', method: 'ANY', path: '/portal/{proxy+}' }),
    );
    for (const route of routes) {
      expect(route.fn.modulePath.startsWith(join(root, 'apps'))).toBe(true);
    }
  });
});
