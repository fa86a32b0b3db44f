/** A client-side route of the portal. */
export type PortalRoute =
  | { page: 'home' }
  | {
      page: 'payments';
      status: string;
      cursor: string | undefined;
      from?: string | undefined;
      to?: string | undefined;
      q?: string | undefined;
    }
  | { page: 'payment'; id: string }
  | { page: 'refunds'; tab: 'open' | 'closed' }
  | { page: 'refund'; id: string }
  | { page: 'settings' }
  | { page: 'not-found' };

const ID = /^[A-Za-z0-9_-]{1,128}$/;

/** The route of a location (`pathname` + `search`). */
export function parseRoute(pathname: string, search: string): PortalRoute {
  const path = pathname.replace(/\/+$/, '') || '/';
  const query = new URLSearchParams(search);
  if (path === '/') return { page: 'home' };
  if (path === '/payments') {
    const status = (query.get('status') ?? '').toUpperCase();
    const day = (name: string) => {
      const value = query.get(name) ?? '';
      return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
    };
    const q = (query.get('q') ?? '').trim().slice(0, 200);
    return {
      page: 'payments',
      status: /^[A-Z_]{0,20}$/.test(status) ? status : '',
      cursor: query.get('cursor') ?? undefined,
      ...(day('from') ? { from: day('from') } : {}),
      ...(day('to') ? { to: day('to') } : {}),
      ...(q ? { q } : {}),
    };
  }
  const payment = /^\/payments\/([^/]+)$/.exec(path);
  if (payment) {
    const id = decodeURIComponent(payment[1] ?? '');
    return ID.test(id) ? { page: 'payment', id } : { page: 'not-found' };
  }
  if (path === '/refunds') {
    return { page: 'refunds', tab: query.get('tab') === 'closed' ? 'closed' : 'open' };
  }
  const refund = /^\/refunds\/([^/]+)$/.exec(path);
  if (refund) {
    const id = decodeURIComponent(refund[1] ?? '');
    return ID.test(id) ? { page: 'refund', id } : { page: 'not-found' };
  }
  if (path === '/settings') return { page: 'settings' };
  return { page: 'not-found' };
}

/** The link of a route (inverse of {@link parseRoute}). */
export function hrefOf(route: PortalRoute): string {
  switch (route.page) {
    case 'home':
      return '/';
    case 'payments': {
      const query = new URLSearchParams();
      if (route.status) query.set('status', route.status);
      if (route.from) query.set('from', route.from);
      if (route.to) query.set('to', route.to);
      if (route.q) query.set('q', route.q);
      if (route.cursor) query.set('cursor', route.cursor);
      return query.size > 0 ? `/payments?${query}` : '/payments';
    }
    case 'payment':
      return `/payments/${encodeURIComponent(route.id)}`;
    case 'refunds':
      return route.tab === 'closed' ? '/refunds?tab=closed' : '/refunds';
    case 'refund':
      return `/refunds/${encodeURIComponent(route.id)}`;
    case 'settings':
      return '/settings';
    case 'not-found':
      return '/404';
  }
}
