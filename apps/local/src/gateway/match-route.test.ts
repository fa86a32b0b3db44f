import { describe, expect, it } from '@jest/globals';
import type { LambdaRoute } from './lambda-route';
import { matchRoute } from './match-route';

const fn = (name: string) => ({
  name,
  handler: `${name}.handler`,
  modulePath: `/${name}`,
  exportName: 'handler',
  timeoutSeconds: 6,
  memorySize: 1024,
  events: [],
});

const routes: LambdaRoute[] = [
  { gateway: 'purple', method: 'GET', path: '/tx/{kind}/{recordId}', fn: fn('tx') },
  { gateway: 'purple', method: 'ANY', path: '/portal/{proxy+}', fn: fn('portalAny') },
  { gateway: 'purple', method: 'GET', path: '/portal/{proxy+}', fn: fn('portalGet') },
  { gateway: 'purple', method: 'GET', path: '/portal/session', fn: fn('session') },
  { gateway: 'purple', method: 'GET', path: '/portal/{section}', fn: fn('section') },
  { gateway: 'purple', method: 'GET', path: '/', fn: fn('root') },
];

const pick = (method: string, path: string) => {
  const match = matchRoute(routes, method, path);
  return match && { fn: match.route.fn.name, params: match.pathParameters };
};

describe('matchRoute', () => {
  it('binds {param} segments, decoded', () => {
    expect(pick('GET', '/tx/payment/a%20b')).toEqual({
      fn: 'tx',
      params: { kind: 'payment', recordId: 'a b' },
    });
  });

  it('prefers static over {param} over {proxy+}', () => {
    expect(pick('GET', '/portal/session')?.fn).toBe('session');
    expect(pick('GET', '/portal/payments')?.fn).toBe('section');
    expect(pick('GET', '/portal/payments/123')).toEqual({
      fn: 'portalGet',
      params: { proxy: 'payments/123' },
    });
  });

  it('prefers an exact method over ANY', () => {
    expect(pick('POST', '/portal/payments/1/pay')?.fn).toBe('portalAny');
    expect(pick('GET', '/portal/payments/1/pay')?.fn).toBe('portalGet');
  });

  it('needs at least one segment for {proxy+} and the full length otherwise', () => {
    expect(pick('POST', '/portal')).toBeUndefined();
    expect(pick('GET', '/tx/payment')).toBeUndefined();
    expect(pick('GET', '/tx/payment/1/extra')).toBeUndefined();
  });

  it('ignores trailing and doubled slashes like API Gateway and matches the root', () => {
    expect(pick('GET', '/tx/payment/1/')?.fn).toBe('tx');
    expect(pick('GET', '/')?.fn).toBe('root');
  });

  it('returns undefined for an unknown method or path', () => {
    expect(pick('DELETE', '/tx/payment/1')).toBeUndefined();
    expect(pick('GET', '/nope')).toBeUndefined();
  });
});
