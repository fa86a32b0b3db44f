import { describe, expect, it } from '@jest/globals';
import { hrefOf, parseRoute, type PortalRoute } from './portal-route';

describe('portal routes', () => {
  it('parses every page', () => {
    expect(parseRoute('/', '')).toEqual({ page: 'home' });
    expect(parseRoute('/payments', '?status=paid')).toEqual({
      page: 'payments',
      status: 'PAID',
      cursor: undefined,
    });
    expect(parseRoute('/payments/', '?cursor=abc')).toEqual({
      page: 'payments',
      status: '',
      cursor: 'abc',
    });
    expect(parseRoute('/refunds', '')).toEqual({ page: 'refunds', tab: 'open' });
    expect(parseRoute('/refunds', '?tab=closed')).toEqual({ page: 'refunds', tab: 'closed' });
    expect(parseRoute('/refunds/3f1c-9a', '')).toEqual({ page: 'refund', id: '3f1c-9a' });
    expect(parseRoute('/settings', '')).toEqual({ page: 'settings' });
  });

  it('sends odd paths and ids to "not found"', () => {
    expect(parseRoute('/nope', '')).toEqual({ page: 'not-found' });
    expect(parseRoute('/refunds/a%2Fb', '')).toEqual({ page: 'not-found' });
    expect(parseRoute('/refunds/<script>', '')).toEqual({ page: 'not-found' });
    expect(parseRoute('/payments', '?status=%3Cx%3E')).toMatchObject({ status: '' });
  });

  it('round-trips through hrefOf', () => {
    const routes: PortalRoute[] = [
      { page: 'payments', status: '', cursor: undefined },
      { page: 'payments', status: 'PAID', cursor: 'c1' },
      { page: 'refunds', tab: 'open' },
      { page: 'refunds', tab: 'closed' },
      { page: 'refund', id: 'abc-123' },
      { page: 'settings' },
    ];
    for (const route of routes) {
      const url = new URL(hrefOf(route), 'https://portal.test');
      expect(parseRoute(url.pathname, url.search)).toEqual(route);
    }
  });
});
